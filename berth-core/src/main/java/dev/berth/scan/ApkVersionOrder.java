package dev.berth.scan;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Alpine's version order, after apk-tools: {@code NUMBER(.NUMBER)*[LETTER](_SUFFIX[NUMBER])*[-rNUMBER]}; numbers
 * compared as numbers, then the letter, then suffixes ({@code _alpha < _beta < _pre < _rc < (none) < _cvs < _svn
 * < _git < _hg < _p}), then the package revision {@code -rN}. Simplified: apk's string comparison of a later
 * number with a leading zero ({@code 1.01}) is compared as a number.
 */
public record ApkVersionOrder() implements VersionOrder {

    private static final List<String> SUFFIXES = List.of("alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p");
    private static final int NONE = SUFFIXES.indexOf("");

    private record Parsed(List<BigInteger> numbers, int letter, List<int[]> suffixes, List<BigInteger> suffixNumbers,
                          BigInteger revision) {}

    @Override
    public int compare(String a, String b) {
        Parsed left = parse(a);
        Parsed right = parse(b);
        for (int i = 0; i < Math.max(left.numbers().size(), right.numbers().size()); i++) {
            if (i >= left.numbers().size() || i >= right.numbers().size()) {
                return i >= left.numbers().size() ? -1 : 1;
            }
            int c = left.numbers().get(i).compareTo(right.numbers().get(i));
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(left.letter(), right.letter());
        if (c != 0) {
            return c;
        }
        for (int i = 0; i < Math.max(left.suffixes().size(), right.suffixes().size()); i++) {
            int l = i < left.suffixes().size() ? left.suffixes().get(i)[0] : NONE;
            int r = i < right.suffixes().size() ? right.suffixes().get(i)[0] : NONE;
            if (l != r) {
                return Integer.compare(l, r);
            }
            BigInteger ln = i < left.suffixNumbers().size() ? left.suffixNumbers().get(i) : BigInteger.ZERO;
            BigInteger rn = i < right.suffixNumbers().size() ? right.suffixNumbers().get(i) : BigInteger.ZERO;
            c = ln.compareTo(rn);
            if (c != 0) {
                return c;
            }
        }
        return left.revision().compareTo(right.revision());
    }

    private static Parsed parse(String version) {
        String text = version.strip();
        BigInteger revision = BigInteger.ZERO;
        int r = text.lastIndexOf("-r");
        if (r >= 0 && r + 2 < text.length() && text.substring(r + 2).chars().allMatch(Character::isDigit)) {
            revision = new BigInteger(text.substring(r + 2));
            text = text.substring(0, r);
        }
        List<int[]> suffixes = new ArrayList<>();
        List<BigInteger> suffixNumbers = new ArrayList<>();
        String[] parts = text.split("_");
        for (int i = 1; i < parts.length; i++) {
            String word = parts[i].replaceAll("\\d+$", "");
            String digits = parts[i].substring(word.length());
            int rank = SUFFIXES.indexOf(word);
            suffixes.add(new int[] {rank < 0 ? NONE : rank});
            suffixNumbers.add(digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits));
        }
        String main = parts[0];
        int letter = 0;
        if (!main.isEmpty() && Character.isLetter(main.charAt(main.length() - 1))) {
            letter = main.charAt(main.length() - 1);
            main = main.substring(0, main.length() - 1);
        }
        List<BigInteger> numbers = new ArrayList<>();
        for (String number : main.split("\\.")) {
            numbers.add(number.chars().allMatch(Character::isDigit) && !number.isEmpty()
                    ? new BigInteger(number) : BigInteger.ZERO);
        }
        return new Parsed(numbers, letter, suffixes, suffixNumbers, revision);
    }
}
