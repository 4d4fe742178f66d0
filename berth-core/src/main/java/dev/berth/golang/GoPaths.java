package dev.berth.golang;

import java.util.ArrayList;
import java.util.List;

/** Go's lexical path cleaning, which Docker applies to image paths and to {@code .dockerignore} patterns. */
public final class GoPaths {

    private GoPaths() {
    }

    /**
     * Go's {@code path.Clean}, which is also {@code filepath.Clean} on Unix: collapses slashes, drops
     * {@code .} elements, resolves {@code ..} lexically (dropped at the root, kept when leading a relative
     * path), never ends in a slash except for the root itself, and turns an empty result into {@code .}.
     */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        List<String> elements = new ArrayList<>();
        int leadingParents = 0; // the ".." a relative path starts with, which no later ".." can remove
        for (String element : path.split("/")) {
            switch (element) {
                case "", "." -> {
                }
                case ".." -> {
                    if (elements.size() > leadingParents) {
                        elements.removeLast();
                    } else if (!rooted) {
                        elements.add("..");
                        leadingParents++;
                    }
                }
                default -> elements.add(element);
            }
        }
        String joined = String.join("/", elements);
        return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
    }
}
