package dev.berth.compose.print;

import dev.berth.compose.model.ScalarType;
import java.util.Set;
import java.util.regex.Pattern;

/** What yaml.v3 would read a plain string back as: the test behind quoting {@code "1"}, {@code "true"}, {@code ""}. */
final class ResolvedType {

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> BOOLS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");
    private static final Set<String> SPECIAL_FLOATS = Set.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
            "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN");
    private static final Pattern INTEGER = Pattern.compile(
            "[-+]?(0[bB][01_]+|0[oO]?[0-7_]+|0[xX][0-9a-fA-F_]+|[0-9][0-9_]*)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private ResolvedType() {
    }

    static ScalarType of(String text) {
        if (NULLS.contains(text)) {
            return ScalarType.NULL;
        }
        if (BOOLS.contains(text)) {
            return ScalarType.BOOL;
        }
        if (SPECIAL_FLOATS.contains(text)) {
            return ScalarType.FLOAT;
        }
        if (INTEGER.matcher(text).matches()) {
            return ScalarType.INT;
        }
        if (FLOAT.matcher(text).matches()) {
            return ScalarType.FLOAT;
        }
        return ScalarType.STRING;
    }
}
