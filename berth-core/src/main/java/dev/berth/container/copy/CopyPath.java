package dev.berth.container.copy;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code cp} path as Docker reads it: cleaned ({@code .} and empty components dropped, {@code ..} taken
 * lexically and never above {@code /}), with what its spelling asserts: a trailing {@code /} (a directory, its
 * last link followed) and a trailing {@code /.} (a directory's contents, not the directory).
 *
 * @param components the cleaned components; empty for {@code /}
 * @param directory  it ends with {@code /} or {@code /.}
 * @param contents   it ends with {@code /.}
 */
record CopyPath(String given, List<String> components, boolean directory, boolean contents) {

    CopyPath {
        components = List.copyOf(components);
    }

    /** Container paths are taken from the container's root whether or not they start with {@code /}. */
    static CopyPath parse(String given) {
        List<String> components = new ArrayList<>();
        for (String part : given.split("/")) {
            if (part.equals("..")) {
                if (!components.isEmpty()) {
                    components.removeLast();
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                components.add(part);
            }
        }
        boolean contents = given.equals(".") || given.endsWith("/.");
        boolean directory = contents || given.endsWith("/") || components.isEmpty();
        return new CopyPath(given, components, directory, contents);
    }

    /** The path for {@code openat2} below the root: {@code "."} for the root itself. */
    String relative() {
        return components.isEmpty() ? "." : String.join("/", components);
    }

    /** The last component: what the copy is named by default ({@code "."} for the root). */
    String base() {
        return components.isEmpty() ? "." : components.getLast();
    }

    /** The parent's path below the root ({@code "."} for the root's children). */
    String parentRelative() {
        return components.size() <= 1 ? "." : String.join("/", components.subList(0, components.size() - 1));
    }

    /** The parent's components, {@code ""} joined, for a writer's directory ({@code ""} for the root). */
    String parentDirectory() {
        return components.size() <= 1 ? "" : String.join("/", components.subList(0, components.size() - 1));
    }

    String directoryPath() {
        return String.join("/", components);
    }

    /** The parent directory ({@code /} for the root and its children). */
    CopyPath parent() {
        List<String> up = components.isEmpty() ? List.of() : components.subList(0, components.size() - 1);
        return new CopyPath("/" + String.join("/", up), up, true, false);
    }

    boolean isRoot() {
        return components.isEmpty();
    }
}
