package dev.berth.api.compose;

import dev.berth.compose.model.ComposeNode;
import dev.berth.compose.model.NodePosition;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed reads of a settled Compose model's nodes, and the one way spec reading reports a bad value. */
final class ModelValues {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private ModelValues() {
    }

    static InvalidInputException error(NodePosition position, String message) {
        return new InvalidInputException(Diagnostic.error(position.file(),
                SourceRange.columns(Math.max(1, position.line()), Math.max(1, position.column()),
                        Math.max(1, position.column())), message), null);
    }

    /** Every scalar of a sequence, in order; a lone scalar as one item. */
    static List<String> strings(Optional<ComposeNode> node) {
        List<String> out = new ArrayList<>();
        node.ifPresent(value -> {
            switch (value) {
                case ComposeNode.Sequence sequence -> sequence.items().forEach(item -> {
                    if (item instanceof ComposeNode.Scalar scalar && !scalar.isNull()) {
                        out.add(scalar.text());
                    }
                });
                case ComposeNode.Scalar scalar -> {
                    if (!scalar.isNull()) {
                        out.add(scalar.text());
                    }
                }
                case ComposeNode.Mapping mapping -> throw error(mapping.position(), "expected a list");
            }
        });
        return List.copyOf(out);
    }

    /** A mapping of scalars; keys whose value is null are kept with null only when {@code keepNull}. */
    static Map<String, String> stringMap(Optional<ComposeNode.Mapping> mapping, boolean keepNull) {
        Map<String, String> out = new LinkedHashMap<>();
        mapping.ifPresent(found -> found.entries().forEach((key, value) -> {
            if (value instanceof ComposeNode.Scalar scalar && !scalar.isNull()) {
                out.put(key, scalar.text());
            } else if (keepNull) {
                out.put(key, null);
            }
        }));
        return out;
    }

    static boolean flag(ComposeNode.Mapping mapping, String key) {
        return mapping.text(key).map(text -> text.equals("true")).orElse(false);
    }

    static Optional<Duration> duration(ComposeNode.Mapping mapping, String key) {
        return mapping.text(key).map(text -> parseDuration(text, mapping.get(key).orElseThrow().position(), key));
    }

    /** Go's {@code time.ParseDuration}: {@code 1m30s}, {@code 1.5s}, {@code 500ms}. */
    static Duration parseDuration(String text, NodePosition position, String attribute) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION_PART.matcher(text);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            BigDecimal unit = switch (matcher.group(2)) {
                case "ns" -> BigDecimal.ONE;
                case "us", "µs" -> BigDecimal.valueOf(1_000);
                case "ms" -> BigDecimal.valueOf(1_000_000);
                case "s" -> BigDecimal.valueOf(1_000_000_000L);
                case "m" -> BigDecimal.valueOf(60_000_000_000L);
                default -> BigDecimal.valueOf(3_600_000_000_000L);
            };
            nanos = nanos.add(new BigDecimal(matcher.group(1)).multiply(unit));
            end = matcher.end();
        }
        if (end == 0 || end != text.length()) {
            throw error(position, attribute + ": invalid duration \"" + text + "\"");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    static long bytes(String text, NodePosition position, String attribute) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(position, attribute + ": invalid size \"" + text + "\"");
        }
    }
}
