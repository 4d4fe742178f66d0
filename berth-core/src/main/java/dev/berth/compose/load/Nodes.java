package dev.berth.compose.load;

import dev.berth.compose.model.Node;
import dev.berth.compose.model.NodePosition;
import dev.berth.compose.model.ScalarType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small constructors and readers over {@link Node}s that the loading steps share. */
final class Nodes {

    private Nodes() {
    }

    static Node.Scalar string(String text, NodePosition at) {
        return Node.Scalar.string(text, at);
    }

    static Node.Scalar integer(long value, NodePosition at) {
        return Node.Scalar.of(Long.toString(value), ScalarType.INT, at);
    }

    static Node.Scalar bool(boolean value, NodePosition at) {
        return Node.Scalar.of(Boolean.toString(value), ScalarType.BOOL, at);
    }

    static Node.Mapping mapping(Map<String, Node> entries, NodePosition at) {
        return Node.Mapping.of(entries, at);
    }

    static Node.Sequence sequence(List<Node> items, NodePosition at) {
        return Node.Sequence.of(items, at);
    }

    /** A scalar's text as a string value, as Compose casts numbers and booleans given where it wants a string. */
    static Node.Scalar asString(Node node, String path) {
        if (node instanceof Node.Scalar scalar) {
            return scalar.isNull() ? scalar : scalar.as(ScalarType.STRING);
        }
        throw ComposeErrors.attribute(node.position(), path, "must be a string");
    }

    /** A number given as a number or a string, as a float value ({@code cpus: "0.5"} is 0.5). */
    static Node.Scalar asFloat(Node node, String path) {
        String text = text(node, path);
        try {
            Double.parseDouble(text);
        } catch (NumberFormatException bad) {
            throw ComposeErrors.attribute(node.position(), path, "must be a number");
        }
        return Node.Scalar.of(text, ScalarType.FLOAT, node.position());
    }

    static String text(Node node, String path) {
        if (node instanceof Node.Scalar scalar && !scalar.isNull()) {
            return scalar.text();
        }
        throw ComposeErrors.attribute(node.position(), path, "must be a string");
    }

    static Node.Mapping requireMapping(Node node, String path) {
        if (node instanceof Node.Mapping mapping) {
            return mapping;
        }
        throw ComposeErrors.attribute(node.position(), path, "must be a mapping");
    }

    /** A string or a list of strings, as a list of string nodes. */
    static Node.Sequence stringList(Node node, String path) {
        return switch (node) {
            case Node.Scalar scalar -> sequence(List.of(asString(scalar, path)), scalar.position());
            case Node.Sequence sequence -> sequence(sequence.items().stream()
                    .map(item -> (Node) asString(item, path)).toList(), sequence.position());
            case Node.Mapping mapping -> throw ComposeErrors.attribute(mapping.position(), path,
                    "must be a string or a list of strings");
        };
    }

    /**
     * A list of {@code KEY=VALUE} (or {@code KEY}) strings or a mapping, as a mapping of strings; a key without
     * a value maps to {@code missing} (null for environment, empty for labels).
     */
    static Node.Mapping keyValues(Node node, String path, boolean emptyWhenMissing) {
        LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
        switch (node) {
            case Node.Sequence sequence -> {
                for (Node item : sequence.items()) {
                    String entry = text(item, path);
                    int equals = entry.indexOf('=');
                    if (equals < 0) {
                        entries.put(entry, emptyWhenMissing ? string("", item.position())
                                : Node.Scalar.nullAt(item.position()));
                    } else {
                        entries.put(entry.substring(0, equals), string(entry.substring(equals + 1), item.position()));
                    }
                }
            }
            case Node.Mapping mapping -> mapping.entries().forEach((key, value) -> entries.put(key,
                    value.tag() != dev.berth.compose.model.MergeTag.NONE ? value
                    : value instanceof Node.Scalar scalar && scalar.isNull()
                            ? (emptyWhenMissing ? string("", scalar.position()) : scalar)
                            : asString(value, path + "." + key)));
            case Node.Scalar scalar -> throw ComposeErrors.attribute(scalar.position(), path,
                    "must be a mapping or a list");
        }
        return mapping(entries, node.position());
    }
}
