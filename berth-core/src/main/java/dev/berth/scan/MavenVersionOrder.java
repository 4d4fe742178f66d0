package dev.berth.scan;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maven's version order, after {@code ComparableVersion}: the version splits at {@code .}, {@code -} and between
 * digits and letters into numbers and qualifiers; trailing zeros and release qualifiers ({@code ga},
 * {@code final}, {@code release}) do not count; qualifiers order {@code alpha < beta < milestone < rc = cr <
 * snapshot < (release) < sp}, other words after those, alphabetically; {@code a1}, {@code b1}, {@code m1} mean
 * alpha, beta, milestone. A number is above any qualifier. Simplified: Maven's list items (the nesting a
 * {@code -} starts) are flattened, which orders the versions seen in OSV's Maven records the same way.
 */
public record MavenVersionOrder() implements VersionOrder {

    private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
    private static final int RELEASE = QUALIFIERS.indexOf("");

    /** A number, or a qualifier with its rank (words Maven does not know rank after all known ones). */
    private record Item(BigInteger number, int rank, String word) {
        boolean isNumber() {
            return number != null;
        }
    }

    @Override
    public int compare(String a, String b) {
        List<Item> left = items(a);
        List<Item> right = items(b);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            int c = compare(i < left.size() ? left.get(i) : null, i < right.size() ? right.get(i) : null);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** {@code null} is the end of a version: equal to a release, below a number, above a pre-release. */
    private static int compare(Item a, Item b) {
        if (a == null) {
            return -compare(b, null);
        }
        if (b == null) {
            return a.isNumber() ? Integer.signum(a.number().signum()) : Integer.compare(a.rank(), RELEASE);
        }
        if (a.isNumber() || b.isNumber()) {
            return a.isNumber() && b.isNumber() ? a.number().compareTo(b.number()) : a.isNumber() ? 1 : -1;
        }
        int c = Integer.compare(a.rank(), b.rank());
        return c != 0 ? c : Integer.signum(a.word().compareTo(b.word()));
    }

    private static List<Item> items(String version) {
        List<Item> items = new ArrayList<>();
        String text = version.strip().toLowerCase(Locale.ROOT);
        StringBuilder token = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            boolean boundary = c == '.' || c == '-' || c == '_'
                    || !token.isEmpty() && Character.isDigit(c) != Character.isDigit(token.charAt(token.length() - 1));
            if (boundary) {
                if (!token.isEmpty()) {
                    items.add(item(token.toString(), i < text.length() && Character.isDigit(c)));
                }
                token.setLength(0);
                if (c == '.' || c == '-' || c == '_') {
                    continue;
                }
            }
            token.append(c);
        }
        while (!items.isEmpty() && isNull(items.getLast())) {
            items.removeLast();
        }
        return items;
    }

    private static boolean isNull(Item item) {
        return item.isNumber() ? item.number().signum() == 0 : item.rank() == RELEASE;
    }

    private static Item item(String token, boolean followedByDigit) {
        if (Character.isDigit(token.charAt(0))) {
            return new Item(new BigInteger(token), 0, "");
        }
        String word = switch (token) {
            case "a" -> followedByDigit ? "alpha" : token;
            case "b" -> followedByDigit ? "beta" : token;
            case "m" -> followedByDigit ? "milestone" : token;
            case "cr" -> "rc";
            case "ga", "final", "release" -> "";
            default -> token;
        };
        int rank = QUALIFIERS.indexOf(word);
        return new Item(null, rank < 0 ? QUALIFIERS.size() : rank, word);
    }
}
