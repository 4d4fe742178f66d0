package dev.berth.compose.load;

import dev.berth.compose.model.ComposeNode;
import dev.berth.compose.model.NodePosition;
import dev.berth.compose.model.ScalarType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small constructors and readers over {@link ComposeNode}s that the loading steps share. */
final class Nodes {

    private Nodes() {
    }

    static ComposeNode.Scalar string(String text, NodePosition at) {
        return ComposeNode.Scalar.string(text, at);
    }

    static ComposeNode.Scalar integer(long value, NodePosition at) {
        return ComposeNode.Scalar.of(Long.toString(value), ScalarType.INT, at);
    }

    static ComposeNode.Scalar bool(boolean value, NodePosition at) {
        return ComposeNode.Scalar.of(Boolean.toString(value), ScalarType.BOOL, at);
    }

    static ComposeNode.Mapping mapping(Map<String, ComposeNode> entries, NodePosition at) {
        return ComposeNode.Mapping.of(entries, at);
    }

    static ComposeNode.Sequence sequence(List<ComposeNode> items, NodePosition at) {
        return ComposeNode.Sequence.of(items, at);
    }

    /** A scalar's text as a string value, as Compose casts numbers and booleans given where it wants a string. */
    static ComposeNode.Scalar asString(ComposeNode node, String path) {
        if (node instanceof ComposeNode.Scalar scalar) {
            return scalar.isNull() ? scalar : scalar.as(ScalarType.STRING);
        }
        throw ComposeErrors.attribute(node.position(), path, "must be a string");
    }

    /** A number given as a number or a string, as a float value ({@code cpus: "0.5"} is 0.5). */
    static ComposeNode.Scalar asFloat(ComposeNode node, String path) {
        String text = text(node, path);
        try {
            Double.parseDouble(text);
        } catch (NumberFormatException bad) {
            throw ComposeErrors.attribute(node.position(), path, "must be a number");
        }
        return ComposeNode.Scalar.of(text, ScalarType.FLOAT, node.position());
    }

    static String text(ComposeNode node, String path) {
        if (node instanceof ComposeNode.Scalar scalar && !scalar.isNull()) {
            return scalar.text();
        }
        throw ComposeErrors.attribute(node.position(), path, "must be a string");
    }

    static ComposeNode.Mapping requireMapping(ComposeNode node, String path) {
        if (node instanceof ComposeNode.Mapping mapping) {
            return mapping;
        }
        throw ComposeErrors.attribute(node.position(), path, "must be a mapping");
    }

    /** A string or a list of strings, as a list of string nodes. */
    static ComposeNode.Sequence stringList(ComposeNode node, String path) {
        return switch (node) {
            case ComposeNode.Scalar scalar -> sequence(List.of(asString(scalar, path)), scalar.position());
            case ComposeNode.Sequence sequence -> sequence(sequence.items().stream()
                    .map(item -> (ComposeNode) asString(item, path)).toList(), sequence.position());
            case ComposeNode.Mapping mapping -> throw ComposeErrors.attribute(mapping.position(), path,
                    "must be a string or a list of strings");
        };
    }

    /**
     * A list of {@code KEY=VALUE} (or {@code KEY}) strings or a mapping, as a mapping of strings; a key without
     * a value maps to {@code missing} (null for environment, empty for labels).
     */
    static ComposeNode.Mapping keyValues(ComposeNode node, String path, boolean emptyWhenMissing) {
        LinkedHashMap<String, ComposeNode> entries = new LinkedHashMap<>();
        switch (node) {
            case ComposeNode.Sequence sequence -> {
                for (ComposeNode item : sequence.items()) {
                    String entry = text(item, path);
                    int equals = entry.indexOf('=');
                    if (equals < 0) {
                        entries.put(entry, emptyWhenMissing ? string("", item.position())
                                : ComposeNode.Scalar.nullAt(item.position()));
                    } else {
                        entries.put(entry.substring(0, equals), string(entry.substring(equals + 1), item.position()));
                    }
                }
            }
            case ComposeNode.Mapping mapping -> mapping.entries().forEach((key, value) -> entries.put(key,
                    value.tag() != dev.berth.compose.model.MergeTag.NONE ? value
                    : value instanceof ComposeNode.Scalar scalar && scalar.isNull()
                            ? (emptyWhenMissing ? string("", scalar.position()) : scalar)
                            : asString(value, path + "." + key)));
            case ComposeNode.Scalar scalar -> throw ComposeErrors.attribute(scalar.position(), path,
                    "must be a mapping or a list");
        }
        return mapping(entries, node.position());
    }
}
