package dev.berth.cli;

/** Sizes as {@code docker system df} prints them: decimal units, three significant digits. */
final class ByteSize {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    private ByteSize() {
    }

    static String format(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        if (unit == 0) {
            return bytes + "B";
        }
        String digits = value >= 100 ? String.format("%.0f", value) : value >= 10 ? String.format("%.1f", value)
                : String.format("%.2f", value);
        return stripZeros(digits) + UNITS[unit];
    }

    private static String stripZeros(String digits) {
        if (!digits.contains(".")) {
            return digits;
        }
        String stripped = digits.replaceAll("0+$", "");
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
