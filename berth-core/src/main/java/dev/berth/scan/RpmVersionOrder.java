package dev.berth.scan;

/**
 * rpm's version order, as rpm's {@code rpmverCmp} computes it (what its Lua {@code rpm.vercmp} gives):
 * {@code [epoch:]version[-release]}; epochs compared as numbers (absent is 0), then version, then release with
 * {@code rpmvercmp}, an absent release being empty and so older than any ({@code 1.0 < 1.0-1}; rpm's dependency
 * check ignores it instead, which is no total order). {@code rpmvercmp} walks both strings: separators (anything but ASCII letters, digits,
 * {@code ~} and {@code ^}) are skipped; {@code ~} sorts before everything, the end included ({@code 1.0~rc1 <
 * 1.0}); {@code ^} sorts after the end but before anything else ({@code 1.0 < 1.0^git1 < 1.0.1}); then the next
 * all-digit or all-letter segment of each is compared, digits as numbers (leading zeros dropped, the longer number
 * greater), letters as bytes, and a numeric segment is newer than an alphabetic one. When all segments agree, the
 * one with characters left is newer.
 */
public record RpmVersionOrder() implements VersionOrder {

    @Override
    public int compare(String a, String b) {
        Evr left = Evr.of(a);
        Evr right = Evr.of(b);
        int epoch = Long.compare(left.epoch(), right.epoch());
        if (epoch != 0) {
            return epoch;
        }
        int version = rpmvercmp(left.version(), right.version());
        return version != 0 ? version : rpmvercmp(left.release(), right.release());
    }

    /** Epoch, version and release: the epoch before the first {@code :}, the release after the last {@code -}. */
    private record Evr(long epoch, String version, String release) {
        static Evr of(String text) {
            String rest = text.strip();
            long epoch = 0;
            int colon = rest.indexOf(':');
            if (colon > 0 && colon <= 18 && rest.substring(0, colon).chars().allMatch(RpmVersionOrder::digit)) {
                epoch = Long.parseLong(rest.substring(0, colon));
                rest = rest.substring(colon + 1);
            } else if (colon == 0) {
                rest = rest.substring(1);
            }
            int dash = rest.lastIndexOf('-');
            return dash < 0 ? new Evr(epoch, rest, "") : new Evr(epoch, rest.substring(0, dash), rest.substring(dash + 1));
        }
    }

    static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && separator(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && separator(b.charAt(j))) {
                j++;
            }
            int one = at(a, i);
            int two = at(b, j);
            if (one == '~' || two == '~') {
                if (one != '~') {
                    return 1;
                }
                if (two != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (one == '^' || two == '^') {
                if (one == 0) {
                    return -1;
                }
                if (two == 0) {
                    return 1;
                }
                if (one != '^') {
                    return 1;
                }
                if (two != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (one == 0 || two == 0) {
                break;
            }
            boolean numeric = digit(one);
            int endA = segmentEnd(a, i, numeric);
            int endB = segmentEnd(b, j, numeric);
            if (endB == j) {
                // Different kinds: a number is newer than letters.
                return numeric ? 1 : -1;
            }
            String segmentA = a.substring(i, endA);
            String segmentB = b.substring(j, endB);
            if (numeric) {
                segmentA = segmentA.replaceFirst("^0+", "");
                segmentB = segmentB.replaceFirst("^0+", "");
                if (segmentA.length() != segmentB.length()) {
                    return segmentA.length() > segmentB.length() ? 1 : -1;
                }
            }
            int order = segmentA.compareTo(segmentB);
            if (order != 0) {
                return order < 0 ? -1 : 1;
            }
            i = endA;
            j = endB;
        }
        if (i >= a.length() && j >= b.length()) {
            return 0;
        }
        return i >= a.length() ? -1 : 1;
    }

    private static int segmentEnd(String text, int from, boolean numeric) {
        int end = from;
        while (end < text.length() && (numeric ? digit(text.charAt(end)) : letter(text.charAt(end)))) {
            end++;
        }
        return end;
    }

    private static boolean separator(int c) {
        return !digit(c) && !letter(c) && c != '~' && c != '^';
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean letter(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static int at(String text, int index) {
        return index < text.length() ? text.charAt(index) : 0;
    }
}
