package dev.berth.dockerfile.ignore;

/**
 * The two Go standard-library functions Docker's ignore handling leans on, reproduced so that Berth
 * trims and cleans exactly as {@code strings.TrimSpace} and {@code filepath.Clean} (Unix) do.
 */
final class GoStrings {

    private GoStrings() {
    }

    /** Go's {@code unicode.IsSpace}: ASCII white space, NEL, NBSP and the Unicode separators. */
    static boolean isSpace(int codePoint) {
        return switch (codePoint) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default -> {
                int type = Character.getType(codePoint);
                yield codePoint > 0xFF && (type == Character.SPACE_SEPARATOR
                        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR);
            }
        };
    }

    /** Go's {@code strings.TrimSpace}. */
    static String trimSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /**
     * Go's {@code filepath.Clean} on Unix: collapses slashes, drops {@code .} elements, resolves
     * {@code ..} lexically (dropped at the root, kept when leading a relative path), never ends in a
     * slash except for the root itself, and turns an empty result into {@code .}.
     */
    static String cleanPath(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        StringBuilder out = new StringBuilder(path.length());
        int kept = 0; // elements in out that a later ".." may remove
        for (String element : path.split("/", -1)) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                if (kept > 0) {
                    int cut = out.lastIndexOf("/");
                    out.setLength(Math.max(cut, 0));
                    kept--;
                } else if (!rooted) {
                    append(out, "..");
                }
                continue;
            }
            append(out, element);
            kept++;
        }
        if (rooted) {
            out.insert(0, '/');
        }
        return out.isEmpty() ? "." : out.toString();
    }

    private static void append(StringBuilder out, String element) {
        if (!out.isEmpty()) {
            out.append('/');
        }
        out.append(element);
    }
}
