package dev.berth.compose.load;

import dev.berth.compose.model.MergeTag;
import dev.berth.compose.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Compose Specification's merge of a later file (or an extending service) over an earlier one, on long
 * forms: mappings merge key by key, scalars are replaced, {@code command}, {@code entrypoint} and
 * {@code healthcheck.test} are replaced whole, {@code volumes} merge by target and {@code secrets}/{@code configs}
 * by source, other sequences append what is not already there; {@code !reset} removes, {@code !override}
 * replaces.
 */
final class OverrideMerger {

    private static final Set<String> REPLACED = Set.of("command", "entrypoint", "test");

    private OverrideMerger() {
    }

    static Node.Mapping merge(Node.Mapping base, Node.Mapping override) {
        return (Node.Mapping) merge(base, override, "");
    }

    private static Node merge(Node base, Node override, String key) {
        if (override.tag() == MergeTag.OVERRIDE) {
            return override.withTag(MergeTag.NONE);
        }
        if (base instanceof Node.Mapping left && override instanceof Node.Mapping right) {
            LinkedHashMap<String, Node> out = new LinkedHashMap<>(left.entries());
            for (Map.Entry<String, Node> entry : right.entries().entrySet()) {
                Node value = entry.getValue();
                if (value.tag() == MergeTag.RESET) {
                    out.remove(entry.getKey());
                    continue;
                }
                Node earlier = out.get(entry.getKey());
                out.put(entry.getKey(), earlier == null ? clean(value) : merge(earlier, value, entry.getKey()));
            }
            return Node.Mapping.of(out, left.position());
        }
        if (base instanceof Node.Sequence left && override instanceof Node.Sequence right && !REPLACED.contains(key)) {
            return Node.Sequence.of(switch (key) {
                case "volumes" -> byKey(left.items(), right.items(), "target");
                case "secrets", "configs" -> byKey(left.items(), right.items(), "source");
                default -> appendMissing(left.items(), right.items());
            }, left.position());
        }
        return clean(override);
    }

    private static List<Node> byKey(List<Node> base, List<Node> override, String field) {
        LinkedHashMap<Object, Node> out = new LinkedHashMap<>();
        int anonymous = 0;
        for (Node item : concat(base, override)) {
            Optional<String> key = item instanceof Node.Mapping mapping ? mapping.text(field) : Optional.empty();
            out.put(key.isPresent() ? key.get() : Integer.valueOf(anonymous++), clean(item));
        }
        return new ArrayList<>(out.values());
    }

    private static List<Node> appendMissing(List<Node> base, List<Node> override) {
        List<Node> out = new ArrayList<>(base);
        for (Node item : override) {
            if (out.stream().noneMatch(existing -> same(existing, item))) {
                out.add(clean(item));
            }
        }
        return out;
    }

    private static List<Node> concat(List<Node> a, List<Node> b) {
        List<Node> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Equal values, wherever they were written. */
    static boolean same(Node a, Node b) {
        return switch (a) {
            case Node.Scalar left -> b instanceof Node.Scalar right && left.text().equals(right.text())
                    && left.type() == right.type();
            case Node.Sequence left -> b instanceof Node.Sequence right && left.items().size() == right.items().size()
                    && java.util.stream.IntStream.range(0, left.items().size())
                            .allMatch(i -> same(left.items().get(i), right.items().get(i)));
            case Node.Mapping left -> b instanceof Node.Mapping right
                    && left.entries().keySet().equals(right.entries().keySet())
                    && left.entries().entrySet().stream()
                            .allMatch(e -> same(e.getValue(), right.entries().get(e.getKey())));
        };
    }

    /** A value with its merge tags dropped, {@code !reset} entries removed: what remains once merged. */
    static Node clean(Node node) {
        Node untagged = node.tag() == MergeTag.NONE ? node : node.withTag(MergeTag.NONE);
        return switch (untagged) {
            case Node.Scalar scalar -> scalar;
            case Node.Sequence sequence -> Node.Sequence.of(sequence.items().stream()
                    .filter(item -> item.tag() != MergeTag.RESET).map(OverrideMerger::clean).toList(),
                    sequence.position());
            case Node.Mapping mapping -> {
                LinkedHashMap<String, Node> out = new LinkedHashMap<>();
                mapping.entries().forEach((k, v) -> {
                    if (v.tag() != MergeTag.RESET) {
                        out.put(k, clean(v));
                    }
                });
                yield Node.Mapping.of(out, mapping.position());
            }
        };
    }
}
