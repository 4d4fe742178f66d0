package dev.berth.compose.load;

import dev.berth.compose.model.MergeTag;
import dev.berth.compose.model.ComposeNode;
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

    static ComposeNode.Mapping merge(ComposeNode.Mapping base, ComposeNode.Mapping override) {
        return (ComposeNode.Mapping) merge(base, override, "");
    }

    private static ComposeNode merge(ComposeNode base, ComposeNode override, String key) {
        if (override.tag() == MergeTag.OVERRIDE) {
            return override.withTag(MergeTag.NONE);
        }
        if (base instanceof ComposeNode.Mapping left && override instanceof ComposeNode.Mapping right) {
            LinkedHashMap<String, ComposeNode> out = new LinkedHashMap<>(left.entries());
            for (Map.Entry<String, ComposeNode> entry : right.entries().entrySet()) {
                ComposeNode value = entry.getValue();
                if (value.tag() == MergeTag.RESET) {
                    out.remove(entry.getKey());
                    continue;
                }
                ComposeNode earlier = out.get(entry.getKey());
                out.put(entry.getKey(), earlier == null ? clean(value) : merge(earlier, value, entry.getKey()));
            }
            return ComposeNode.Mapping.of(out, left.position());
        }
        if (base instanceof ComposeNode.Sequence left && override instanceof ComposeNode.Sequence right && !REPLACED.contains(key)) {
            return ComposeNode.Sequence.of(switch (key) {
                case "volumes" -> byKey(left.items(), right.items(), "target");
                case "secrets", "configs" -> byKey(left.items(), right.items(), "source");
                default -> appendMissing(left.items(), right.items());
            }, left.position());
        }
        return clean(override);
    }

    private static List<ComposeNode> byKey(List<ComposeNode> base, List<ComposeNode> override, String field) {
        LinkedHashMap<Object, ComposeNode> out = new LinkedHashMap<>();
        int anonymous = 0;
        for (ComposeNode item : concat(base, override)) {
            Optional<String> key = item instanceof ComposeNode.Mapping mapping ? mapping.text(field) : Optional.empty();
            out.put(key.isPresent() ? key.get() : Integer.valueOf(anonymous++), clean(item));
        }
        return new ArrayList<>(out.values());
    }

    private static List<ComposeNode> appendMissing(List<ComposeNode> base, List<ComposeNode> override) {
        List<ComposeNode> out = new ArrayList<>(base);
        for (ComposeNode item : override) {
            if (out.stream().noneMatch(existing -> same(existing, item))) {
                out.add(clean(item));
            }
        }
        return out;
    }

    private static List<ComposeNode> concat(List<ComposeNode> a, List<ComposeNode> b) {
        List<ComposeNode> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Equal values, wherever they were written. */
    static boolean same(ComposeNode a, ComposeNode b) {
        return switch (a) {
            case ComposeNode.Scalar left -> b instanceof ComposeNode.Scalar right && left.text().equals(right.text())
                    && left.type() == right.type();
            case ComposeNode.Sequence left -> b instanceof ComposeNode.Sequence right && left.items().size() == right.items().size()
                    && java.util.stream.IntStream.range(0, left.items().size())
                            .allMatch(i -> same(left.items().get(i), right.items().get(i)));
            case ComposeNode.Mapping left -> b instanceof ComposeNode.Mapping right
                    && left.entries().keySet().equals(right.entries().keySet())
                    && left.entries().entrySet().stream()
                            .allMatch(e -> same(e.getValue(), right.entries().get(e.getKey())));
        };
    }

    /** A value with its merge tags dropped, {@code !reset} entries removed: what remains once merged. */
    static ComposeNode clean(ComposeNode node) {
        ComposeNode untagged = node.tag() == MergeTag.NONE ? node : node.withTag(MergeTag.NONE);
        return switch (untagged) {
            case ComposeNode.Scalar scalar -> scalar;
            case ComposeNode.Sequence sequence -> ComposeNode.Sequence.of(sequence.items().stream()
                    .filter(item -> item.tag() != MergeTag.RESET).map(OverrideMerger::clean).toList(),
                    sequence.position());
            case ComposeNode.Mapping mapping -> {
                LinkedHashMap<String, ComposeNode> out = new LinkedHashMap<>();
                mapping.entries().forEach((k, v) -> {
                    if (v.tag() != MergeTag.RESET) {
                        out.put(k, clean(v));
                    }
                });
                yield ComposeNode.Mapping.of(out, mapping.position());
            }
        };
    }
}
