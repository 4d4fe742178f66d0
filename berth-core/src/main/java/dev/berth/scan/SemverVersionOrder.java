package dev.berth.scan;

import java.math.BigInteger;

/**
 * SemVer 2.0.0 precedence (npm, Go, and OSV {@code SEMVER} ranges): major.minor.patch as numbers, a pre-release
 * before its release, pre-release identifiers compared numerically when both are numbers, numbers before words,
 * fewer identifiers first; build metadata ignored. Lenient as OSV's own tooling is: a leading {@code v} (Go) is
 * dropped and missing minor or patch numbers are 0.
 */
public record SemverVersionOrder() implements VersionOrder {

    @Override
    public int compare(String a, String b) {
        String left = strip(a);
        String right = strip(b);
        String[] leftCore = core(left).split("\\.", -1);
        String[] rightCore = core(right).split("\\.", -1);
        for (int i = 0; i < Math.max(3, Math.max(leftCore.length, rightCore.length)); i++) {
            int c = number(i < leftCore.length ? leftCore[i] : "0").compareTo(number(i < rightCore.length ? rightCore[i] : "0"));
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        String leftPre = pre(left);
        String rightPre = pre(right);
        if (leftPre.isEmpty() || rightPre.isEmpty()) {
            return Boolean.compare(leftPre.isEmpty(), rightPre.isEmpty());
        }
        String[] l = leftPre.split("\\.", -1);
        String[] r = rightPre.split("\\.", -1);
        for (int i = 0; i < Math.min(l.length, r.length); i++) {
            boolean ln = numeric(l[i]);
            boolean rn = numeric(r[i]);
            int c = ln && rn ? new BigInteger(l[i]).compareTo(new BigInteger(r[i]))
                    : ln ? -1 : rn ? 1 : l[i].compareTo(r[i]);
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        return Integer.compare(l.length, r.length);
    }

    private static String strip(String version) {
        String text = version.strip();
        if (text.startsWith("v") || text.startsWith("V")) {
            text = text.substring(1);
        }
        int plus = text.indexOf('+');
        return plus < 0 ? text : text.substring(0, plus);
    }

    private static String core(String version) {
        int dash = version.indexOf('-');
        return dash < 0 ? version : version.substring(0, dash);
    }

    private static String pre(String version) {
        int dash = version.indexOf('-');
        return dash < 0 ? "" : version.substring(dash + 1);
    }

    private static boolean numeric(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    private static BigInteger number(String text) {
        return numeric(text) ? new BigInteger(text) : BigInteger.ZERO;
    }
}
