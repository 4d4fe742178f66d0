package dev.berth.scan;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 440's order, as Python's {@code packaging.version.Version} sorts: epoch, release (trailing zeros do not
 * count), then a dev release before its pre-releases, pre-releases ({@code a < b < rc}) before the release, the
 * release before its post-releases, and a local version ({@code +ubuntu1}) after the same public version, its
 * segments numbers above words. The spellings PEP 440 normalizes ({@code alpha}, {@code c}, {@code pre},
 * {@code rev}, {@code -1} as a post release, separators) are accepted. A text that is not a PEP 440 version sorts
 * before every valid one, and such texts among themselves as strings (packaging refuses them).
 */
public record Pep440VersionOrder() implements VersionOrder {

    private static final Pattern VERSION = Pattern.compile(
            "v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)"
            + "(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\\d+)?)?"
            + "(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d+)?)?"
            + "(?:[-_.]?(dev)[-_.]?(\\d+)?)?"
            + "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?");

    /** The parts that order; {@code null} for an absent part, which sorts as PEP 440 says for that part. */
    private record Key(BigInteger epoch, List<BigInteger> release, int preKind, BigInteger pre, BigInteger post,
                       BigInteger dev, String local) {}

    @Override
    public int compare(String a, String b) {
        Key left = key(a);
        Key right = key(b);
        if (left == null || right == null) {
            return left == null && right == null ? Integer.signum(a.compareTo(b)) : left == null ? -1 : 1;
        }
        int c = left.epoch().compareTo(right.epoch());
        if (c != 0) {
            return c;
        }
        c = release(left.release(), right.release());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(left), preRank(right));
        if (c == 0 && left.pre() != null) {
            c = Integer.compare(left.preKind(), right.preKind());
            if (c == 0) {
                c = left.pre().compareTo(right.pre());
            }
        }
        if (c != 0) {
            return Integer.signum(c);
        }
        c = nullsFirst(left.post(), right.post());
        if (c != 0) {
            return c;
        }
        c = -nullsFirst(left.dev() == null ? null : left.dev(), right.dev() == null ? null : right.dev());
        if (left.dev() != null && right.dev() != null) {
            c = left.dev().compareTo(right.dev());
        }
        if (c != 0) {
            return Integer.signum(c);
        }
        return local(left.local(), right.local());
    }

    /** 0: a dev release with no pre or post (before every pre-release); 1: a pre-release; 2: none. */
    private static int preRank(Key key) {
        if (key.pre() != null) {
            return 1;
        }
        return key.post() == null && key.dev() != null ? 0 : 2;
    }

    private static int nullsFirst(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return a == null && b == null ? 0 : a == null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static int release(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = (i < a.size() ? a.get(i) : BigInteger.ZERO).compareTo(i < b.size() ? b.get(i) : BigInteger.ZERO);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int local(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null ? 0 : a == null ? -1 : 1;
        }
        String[] l = a.split("[-_.]");
        String[] r = b.split("[-_.]");
        for (int i = 0; i < Math.min(l.length, r.length); i++) {
            boolean ln = l[i].chars().allMatch(Character::isDigit);
            boolean rn = r[i].chars().allMatch(Character::isDigit);
            int c = ln && rn ? new BigInteger(l[i]).compareTo(new BigInteger(r[i]))
                    : ln ? 1 : rn ? -1 : l[i].compareTo(r[i]);
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        return Integer.compare(l.length, r.length);
    }

    private static Key key(String version) {
        Matcher m = VERSION.matcher(version.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        BigInteger epoch = m.group(1) == null ? BigInteger.ZERO : new BigInteger(m.group(1));
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group(2).split("\\.")) {
            release.add(new BigInteger(part));
        }
        int preKind = 0;
        BigInteger pre = null;
        if (m.group(3) != null) {
            preKind = switch (m.group(3)) {
                case "a", "alpha" -> 0;
                case "b", "beta" -> 1;
                default -> 2;
            };
            pre = m.group(4) == null ? BigInteger.ZERO : new BigInteger(m.group(4));
        }
        BigInteger post = null;
        if (m.group(5) != null) {
            post = new BigInteger(m.group(5));
        } else if (m.group(6) != null) {
            post = m.group(7) == null ? BigInteger.ZERO : new BigInteger(m.group(7));
        }
        BigInteger dev = m.group(8) == null ? null : m.group(9) == null ? BigInteger.ZERO : new BigInteger(m.group(9));
        return new Key(epoch, release, preKind, pre, post, dev, m.group(10));
    }
}
