package dev.berth.cli;

import java.util.Locale;

/** Sizes for people, as Docker prints them (decimal units, four significant digits: {@code 1.235MB}). */
final class ByteSize {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private ByteSize() {
    }

    static String format(long bytes) {
        double size = bytes;
        int unit = 0;
        while (size >= 1000 && unit < UNITS.length - 1) {
            size /= 1000;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.4g", size);
        if (number.contains(".")) {
            number = number.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return number + UNITS[unit];
    }
}
