package dev.berth.cli.progress;

import java.util.regex.Pattern;

/**
 * Text made safe and short for one terminal line. Only what is shown is changed: the step logs on disk
 * keep the bytes the process wrote.
 */
final class DisplayText {

    /** CSI and OSC escape sequences: a process's own colours and cursor moves would break the redraw. */
    private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|\u001B.?");

    private DisplayText() {
    }

    /**
     * One line as a terminal would leave it: what follows the last carriage return (progress bars
     * redraw with {@code \r}), escapes removed, tabs and newlines as spaces, other control characters dropped.
     */
    static String line(String raw) {
        String text = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        int carriageReturn = text.lastIndexOf('\r');
        if (carriageReturn >= 0) {
            text = text.substring(carriageReturn + 1);
        }
        text = ESCAPES.matcher(text).replaceAll("");
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            if (point == '\t' || point == '\n') {
                shown.append(' ');
            } else if (!Character.isISOControl(point)) {
                shown.appendCodePoint(point);
            }
        });
        return shown.toString();
    }

    /** The first {@code width} code points of {@code text} (wide characters count as one column). */
    static String clip(String text, int width) {
        if (width <= 0) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, width));
    }

    static int columns(String text) {
        return text.codePointCount(0, text.length());
    }
}
