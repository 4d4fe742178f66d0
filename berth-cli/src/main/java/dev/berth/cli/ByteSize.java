package dev.berth.cli;

import java.util.Locale;

/**
 * Sizes for people, as Docker prints them: decimal units and a number of significant digits
 * ({@code docker system df} and most listings use four, {@code 1.235MB}; {@code docker images} three).
 */
final class ByteSize {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    private ByteSize() {
    }

    /** Four significant digits, like Docker's {@code units.HumanSize}. */
    static String format(long bytes) {
        return format(bytes, 4);
    }

    /** {@code significantDigits} significant digits, like Docker's {@code units.HumanSizeWithPrecision}. */
    static String format(long bytes, int significantDigits) {
        double size = bytes;
        int unit = 0;
        while (size >= 1000 && unit < UNITS.length - 1) {
            size /= 1000;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%." + significantDigits + "g", size);
        if (number.contains(".")) {
            number = number.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return number + UNITS[unit];
    }

    private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    /** Binary units and four significant digits, like Docker's {@code units.BytesSize} ({@code docker stats}' memory). */
    static String binary(long bytes) {
        double size = bytes;
        int unit = 0;
        while (size >= 1024 && unit < BINARY_UNITS.length - 1) {
            size /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.4g", size);
        if (number.contains(".")) {
            number = number.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return number + BINARY_UNITS[unit];
    }
}
