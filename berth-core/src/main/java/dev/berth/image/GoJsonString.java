package dev.berth.image;

import dev.berth.golang.GoJsonText;
import java.util.Comparator;

/**
 * Go's {@code encoding/json} strings and map-key order, for the CLI's {@code --format json} output, which
 * matches Docker's as image configs do. The rules live in {@link GoJsonText}; this is how the CLI reaches
 * them, since it sees berth-core only through {@code api}, {@code image}, {@code diagnostic}, {@code error}
 * and {@code event}.
 */
public final class GoJsonString {

    /** Go's order of map keys: by their UTF-8 bytes. */
    public static final Comparator<String> MAP_KEY_ORDER = GoJsonText.MAP_KEY_ORDER;

    private GoJsonString() {
    }

    public static String quoted(String text) {
        return GoJsonText.quoted(text);
    }

    public static void appendQuoted(String text, StringBuilder out) {
        GoJsonText.appendQuoted(text, out);
    }
}
