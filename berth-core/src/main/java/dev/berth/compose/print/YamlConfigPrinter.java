package dev.berth.compose.print;

import dev.berth.compose.model.ComposeNode;
import java.util.List;

/**
 * Writes a model as Docker Compose's {@code config} does through yaml.v3 with an indent of 2: block mappings and
 * sequences (sequence items indented under their key), {@code {}} and {@code []} for empty ones, keys and
 * scalars quoted by {@link GoYamlScalars}, multi-line strings as literal blocks.
 */
final class YamlConfigPrinter {

    private final StringBuilder out = new StringBuilder();

    private YamlConfigPrinter() {
    }

    static String print(ComposeNode.Mapping project) {
        YamlConfigPrinter printer = new YamlConfigPrinter();
        printer.mapping(ShapedEntries.of(project, ConfigShapes.PROJECT, false), 0, false);
        return printer.out.toString();
    }

    private void mapping(List<ShapedEntries.Entry> entries, int indent, boolean firstInline) {
        boolean first = true;
        for (ShapedEntries.Entry entry : entries) {
            if (!(first && firstInline)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(key(entry.key())).append(':');
            value(entry.value(), entry.shape(), indent);
        }
    }

    private void value(ComposeNode value, Shape shape, int indent) {
        switch (value) {
            case ComposeNode.Scalar scalar -> scalar(scalar, indent);
            case ComposeNode.Mapping mapping when mapping.entries().isEmpty() -> out.append(" {}\n");
            case ComposeNode.Sequence sequence when sequence.items().isEmpty() -> out.append(" []\n");
            case ComposeNode.Mapping mapping -> {
                out.append('\n');
                mapping(ShapedEntries.of(mapping, shape, false), indent + 2, false);
            }
            case ComposeNode.Sequence sequence -> {
                out.append('\n');
                sequence(sequence, shape, indent + 2);
            }
        }
    }

    private void sequence(ComposeNode.Sequence sequence, Shape shape, int indent) {
        Shape items = shape instanceof Shape.ListOf list ? list.items() : Shape.LEAF;
        for (ComposeNode item : sequence.items()) {
            out.append(" ".repeat(indent)).append('-');
            switch (item) {
                case ComposeNode.Scalar scalar -> scalar(scalar, indent);
                case ComposeNode.Mapping mapping when mapping.entries().isEmpty() -> out.append(" {}\n");
                case ComposeNode.Sequence nested when nested.items().isEmpty() -> out.append(" []\n");
                case ComposeNode.Mapping mapping -> {
                    out.append(' ');
                    mapping(ShapedEntries.of(mapping, items, false), indent + 2, true);
                }
                case ComposeNode.Sequence nested -> {
                    out.append('\n');
                    sequence(nested, items, indent + 2);
                }
            }
        }
    }

    private void scalar(ComposeNode.Scalar scalar, int indent) {
        if (scalar.type() == dev.berth.compose.model.ScalarType.STRING
                && GoYamlScalars.style(scalar.text()) == GoYamlScalars.Style.LITERAL) {
            literal(scalar.text(), indent + 2);
            return;
        }
        out.append(' ').append(GoYamlScalars.inline(scalar)).append('\n');
    }

    private void literal(String text, int indent) {
        String chomping = text.endsWith("\n\n") ? "+" : text.endsWith("\n") ? "" : "-";
        String indicator = text.startsWith(" ") || text.startsWith("\n") ? "2" : "";
        out.append(" |").append(indicator).append(chomping).append('\n');
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        // yaml.v3 writes no line for a leading line break (so the block reads back without it): as it does.
        body = body.startsWith("\n") ? body.substring(1) : body;
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.append(" ".repeat(indent)).append(line);
            }
            out.append('\n');
        }
    }

    private static String key(String key) {
        GoYamlScalars.Style style = GoYamlScalars.style(key);
        return switch (style) {
            case PLAIN -> key;
            case SINGLE -> "'" + key.replace("'", "''") + "'";
            case DOUBLE, LITERAL -> GoYamlScalars.doubleQuoted(key);
        };
    }
}
