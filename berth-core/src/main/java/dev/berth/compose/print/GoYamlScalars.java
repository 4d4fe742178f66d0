package dev.berth.compose.print;

import dev.berth.compose.model.ComposeNode;
import dev.berth.compose.model.ScalarType;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scalars as Go's yaml.v3 encoder writes them in block context: a string that would read back as another type
 * (or as a YAML 1.1 boolean such as {@code yes}, or a base-60 float) is double-quoted; one the emitter cannot
 * write plain (indicators, {@code ": "}, {@code " #"}, edge blanks) is single-quoted, or double-quoted when it has
 * characters single quotes cannot hold; a multi-line string is a literal block. Floats print as Go's
 * {@code strconv.FormatFloat(f, 'g', -1, 64)}.
 */
final class GoYamlScalars {

    private static final Set<String> OLD_BOOLS = Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N",
            "no", "No", "NO", "off", "Off", "OFF");
    private static final Pattern BASE_60 = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");

    /** How a string goes out. */
    enum Style {
        PLAIN,
        SINGLE,
        DOUBLE,
        LITERAL
    }

    private GoYamlScalars() {
    }

    static String inline(ComposeNode.Scalar scalar) {
        return switch (scalar.type()) {
            case NULL -> "null";
            case BOOL, INT -> scalar.text();
            case FLOAT -> goFloat(scalar.text());
            case STRING -> switch (style(scalar.text())) {
                case PLAIN -> scalar.text();
                case SINGLE -> "'" + scalar.text().replace("'", "''") + "'";
                case DOUBLE, LITERAL -> doubleQuoted(scalar.text());
            };
        };
    }

    static Style style(String text) {
        if (text.contains("\n")) {
            return literalAllowed(text) ? Style.LITERAL : Style.DOUBLE;
        }
        ScalarType resolved = ResolvedType.of(text);
        if (resolved != ScalarType.STRING || OLD_BOOLS.contains(text) || BASE_60.matcher(text).matches()) {
            return Style.DOUBLE;
        }
        if (specialCharacters(text)) {
            return Style.DOUBLE;
        }
        return plainAllowed(text) ? Style.PLAIN : Style.SINGLE;
    }

    private static boolean literalAllowed(String text) {
        return !specialCharacters(text) && !text.matches("(?s).*[ \t]\n.*") && !text.endsWith(" ");
    }

    private static boolean specialCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean printable = c == '\n' || c == '\t' || (c >= 0x20 && c <= 0x7E) || c == 0x85
                    || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF)
                    || Character.isSurrogate(c);
            if (!printable) {
                return true;
            }
        }
        return false;
    }

    private static boolean plainAllowed(String text) {
        if (text.isEmpty() || text.startsWith("---") || text.startsWith("...")) {
            return false;
        }
        if (text.startsWith(" ") || text.endsWith(" ") || text.startsWith("\t") || text.endsWith("\t")) {
            return false;
        }
        char first = text.charAt(0);
        boolean followedByBlank = text.length() > 1 && (text.charAt(1) == ' ' || text.charAt(1) == '\t');
        if ("#,[]{}&*!|>'\"%@`".indexOf(first) >= 0) {
            return false;
        }
        if ((first == '?' || first == ':' || first == '-') && (followedByBlank || text.length() == 1)) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean blankAfter = i + 1 >= text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t';
            boolean blankBefore = text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t';
            if (c == ':' && blankAfter) {
                return false;
            }
            if (c == '#' && blankBefore) {
                return false;
            }
        }
        return true;
    }

    static String doubleQuoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 0 -> out.append("\\0");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}, with YAML's names for the infinities and NaN. */
    static String goFloat(String text) {
        switch (text) {
            case "+Inf" -> {
                return ".inf";
            }
            case "-Inf" -> {
                return "-.inf";
            }
            case "NaN" -> {
                return ".nan";
            }
            default -> {
            }
        }
        double value = Double.parseDouble(text);
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = Math.abs(exponent) < 10 ? "0" + Math.abs(exponent) : Integer.toString(Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + e;
        }
        return sign + decimal.abs().toPlainString();
    }
}
