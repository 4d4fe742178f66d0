package dev.berth.image;

import dev.berth.golang.GoPaths;

/** Paths inside an image, cleaned as Go's {@code path.Clean} does; {@code ..} never climbs above the root. */
public final class ImagePaths {

    private ImagePaths() {
    }

    /** An absolute, clean path: {@code /a/b}, or {@code /}. */
    public static String clean(String path) {
        // Rooting the path first is what keeps ".." from climbing above "/".
        return GoPaths.clean("/" + path);
    }

    /** The layer entry path of an absolute image path: no leading slash; empty for the root. */
    public static String relative(String absolute) {
        return clean(absolute).substring(1);
    }

    /** Whether a relative path's {@code ..} components would take it above its starting directory. */
    public static boolean climbsOut(String path) {
        int depth = 0;
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return false;
    }
}
