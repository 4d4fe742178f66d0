package dev.berth.compose.load;

import dev.berth.compose.model.ScalarType;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves a plain (unquoted, untagged) scalar as Go's yaml.v3 does, which Docker Compose reads with: YAML 1.2's
 * core schema ({@code yes} stays a string) with Go's base-0 integers, so a leading {@code 0} means octal
 * ({@code 0755} is 493) and underscores are allowed. Gives the canonical text for numbers.
 */
final class ScalarResolver {

    record Resolved(ScalarType type, String text) {
    }

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSES = Set.of("false", "False", "FALSE");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private ScalarResolver() {
    }

    static Resolved resolve(String plain) {
        if (NULLS.contains(plain)) {
            return new Resolved(ScalarType.NULL, "");
        }
        if (TRUES.contains(plain)) {
            return new Resolved(ScalarType.BOOL, "true");
        }
        if (FALSES.contains(plain)) {
            return new Resolved(ScalarType.BOOL, "false");
        }
        switch (plain) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> {
                return new Resolved(ScalarType.FLOAT, "+Inf");
            }
            case "-.inf", "-.Inf", "-.INF" -> {
                return new Resolved(ScalarType.FLOAT, "-Inf");
            }
            case ".nan", ".NaN", ".NAN" -> {
                return new Resolved(ScalarType.FLOAT, "NaN");
            }
            default -> {
            }
        }
        char first = plain.charAt(0);
        if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
            String integer = goInteger(plain.replace("_", ""));
            if (integer != null) {
                return new Resolved(ScalarType.INT, integer);
            }
            if (FLOAT.matcher(plain).matches()) {
                return new Resolved(ScalarType.FLOAT, plain);
            }
        }
        return new Resolved(ScalarType.STRING, plain);
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} (and the unsigned range yaml.v3 also accepts), as decimal text. */
    private static String goInteger(String text) {
        String digits = text;
        boolean negative = false;
        if (digits.startsWith("+") || digits.startsWith("-")) {
            negative = digits.startsWith("-");
            digits = digits.substring(1);
        }
        if (digits.isEmpty()) {
            return null;
        }
        int radix = 10;
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            char marker = Character.toLowerCase(digits.charAt(1));
            switch (marker) {
                case 'x' -> { radix = 16; digits = digits.substring(2); }
                case 'o' -> { radix = 8; digits = digits.substring(2); }
                case 'b' -> { radix = 2; digits = digits.substring(2); }
                default -> { radix = 8; digits = digits.substring(1); }
            }
        }
        int base = radix;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
            return null;
        }
        BigInteger value = new BigInteger(digits, radix);
        if (negative) {
            value = value.negate();
        }
        if (value.bitLength() > 64 || (value.signum() < 0 && value.bitLength() > 63)) {
            return null;
        }
        return value.toString();
    }
}
