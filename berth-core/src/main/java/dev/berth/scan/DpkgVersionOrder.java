package dev.berth.scan;

/**
 * Debian's version order, as {@code dpkg --compare-versions} computes it: {@code [epoch:]upstream[-revision]};
 * epochs compared as numbers, then upstream and revision with dpkg's {@code verrevcmp}: runs of non-digits
 * compared character by character with {@code ~} before everything (even the end), letters before other
 * characters; runs of digits compared as numbers. An absent epoch is 0; an absent revision is empty, which is
 * equal to {@code 0}.
 */
public record DpkgVersionOrder() implements VersionOrder {

    @Override
    public int compare(String a, String b) {
        Parts left = Parts.of(a);
        Parts right = Parts.of(b);
        int epoch = Long.compare(left.epoch(), right.epoch());
        if (epoch != 0) {
            return epoch;
        }
        int upstream = verrevcmp(left.upstream(), right.upstream());
        return upstream != 0 ? upstream : verrevcmp(left.revision(), right.revision());
    }

    private record Parts(long epoch, String upstream, String revision) {
        static Parts of(String version) {
            String text = version.strip();
            long epoch = 0;
            int colon = text.indexOf(':');
            if (colon > 0 && text.substring(0, colon).chars().allMatch(Character::isDigit)) {
                epoch = Long.parseLong(text.substring(0, colon));
                text = text.substring(colon + 1);
            }
            int dash = text.lastIndexOf('-');
            return dash < 0 ? new Parts(epoch, text, "") : new Parts(epoch, text.substring(0, dash), text.substring(dash + 1));
        }
    }

    private static int order(int c) {
        if (c >= '0' && c <= '9') {
            return 0;
        }
        if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c == 0 ? 0 : c + 256;
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while (i < a.length() && !digit(a.charAt(i)) || j < b.length() && !digit(b.charAt(j))) {
                int ac = order(at(a, i));
                int bc = order(at(b, j));
                if (ac != bc) {
                    return Integer.signum(ac - bc);
                }
                i++;
                j++;
            }
            while (at(a, i) == '0') {
                i++;
            }
            while (at(b, j) == '0') {
                j++;
            }
            while (digit(at(a, i)) && digit(at(b, j))) {
                if (firstDiff == 0) {
                    firstDiff = at(a, i) - at(b, j);
                }
                i++;
                j++;
            }
            if (digit(at(a, i))) {
                return 1;
            }
            if (digit(at(b, j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }

    private static int at(String text, int index) {
        return index < text.length() ? text.charAt(index) : 0;
    }
}
