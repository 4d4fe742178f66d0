package dev.berth.context;

import java.util.Comparator;

/**
 * Orders strings as their UTF-8 bytes compare unsigned (the order of layer entries and context
 * listings), without encoding them: UTF-8 byte order is code point order, which differs from
 * {@link String#compareTo}'s UTF-16 order only where a surrogate pair (a code point above U+FFFF)
 * meets a character from U+E000 to U+FFFF.
 */
public final class Utf8Order implements Comparator<String> {

    /** The one instance: the order has no state. */
    public static final Utf8Order INSTANCE = new Utf8Order();

    private Utf8Order() {
    }

    @Override
    public int compare(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= Character.MIN_SURROGATE && y >= Character.MIN_SURROGATE
                        && Character.isSurrogate(x) != Character.isSurrogate(y)) {
                    return Character.isSurrogate(x) ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }
}
