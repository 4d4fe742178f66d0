package dev.berth.compose.print;

import dev.berth.compose.model.ComposeNode;
import java.util.List;

/**
 * Writes a model, or one service, as Go's {@code encoding/json} does for compose-go's types: the project as a
 * map (keys sorted, extensions kept), services and the rest as structs (field order, extensions dropped,
 * {@code command}/{@code entrypoint} {@code null} when unset), indented by two spaces or compact, with Go's
 * escaping ({@code <}, {@code >}, {@code &} as {@code \}{@code u003c}...).
 */
final class JsonConfigPrinter {

    private final StringBuilder out = new StringBuilder();
    private final boolean indented;

    private JsonConfigPrinter(boolean indented) {
        this.indented = indented;
    }

    static String project(ComposeNode.Mapping project) {
        JsonConfigPrinter printer = new JsonConfigPrinter(true);
        ComposeNode.Mapping sections = project;
        for (String section : List.of("networks", "volumes", "secrets", "configs")) {
            if (sections.mapping(section).map(m -> m.entries().isEmpty()).orElse(false)) {
                sections = sections.without(section);
            }
        }
        List<ShapedEntries.Entry> entries = ShapedEntries.of(sections, new Shape.MapOf(Shape.LEAF), true).stream()
                .map(entry -> new ShapedEntries.Entry(entry.key(), entry.value(),
                        ConfigShapes.PROJECT.fields().getOrDefault(entry.key(), Shape.LEAF), null))
                .toList();
        printer.object(entries, 0);
        return printer.out.toString();
    }

    /** One service as compact JSON: the text Compose hashes for {@code com.docker.compose.config-hash}. */
    static String compactService(ComposeNode.Mapping service) {
        JsonConfigPrinter printer = new JsonConfigPrinter(false);
        printer.value(service, ConfigShapes.SERVICE, 0);
        return printer.out.toString();
    }

    private void object(List<ShapedEntries.Entry> entries, int indent) {
        if (entries.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
            ShapedEntries.Entry entry = entries.get(i);
            newline(indent + 2);
            string(entry.key());
            out.append(indented ? ": " : ":");
            if (entry.literal() != null) {
                out.append(entry.literal());
            } else {
                value(entry.value(), entry.shape(), indent + 2);
            }
            if (i + 1 < entries.size()) {
                out.append(',');
            }
        }
        newline(indent);
        out.append('}');
    }

    private void value(ComposeNode value, Shape shape, int indent) {
        switch (value) {
            case ComposeNode.Scalar scalar -> scalar(scalar);
            case ComposeNode.Mapping mapping -> object(ShapedEntries.of(mapping, shape, true), indent);
            case ComposeNode.Sequence sequence -> {
                if (sequence.items().isEmpty()) {
                    out.append("[]");
                    return;
                }
                Shape items = shape instanceof Shape.ListOf list ? list.items() : Shape.LEAF;
                out.append('[');
                for (int i = 0; i < sequence.items().size(); i++) {
                    newline(indent + 2);
                    value(sequence.items().get(i), items, indent + 2);
                    if (i + 1 < sequence.items().size()) {
                        out.append(',');
                    }
                }
                newline(indent);
                out.append(']');
            }
        }
    }

    private void scalar(ComposeNode.Scalar scalar) {
        switch (scalar.type()) {
            case NULL -> out.append("null");
            case BOOL, INT -> out.append(scalar.text());
            case FLOAT -> out.append(goJsonFloat(scalar.text()));
            case STRING -> string(scalar.text());
        }
    }

    private void newline(int indent) {
        if (indented) {
            out.append('\n').append(" ".repeat(indent));
        }
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Go's JSON float: shortest digits, exponent form below 1e-6 and from 1e21. */
    private static String goJsonFloat(String text) {
        double value = Double.parseDouble(text);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        double abs = Math.abs(value);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            return GoYamlScalars.goFloat(text);
        }
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
