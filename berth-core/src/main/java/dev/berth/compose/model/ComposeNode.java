package dev.berth.compose.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A value of a Compose file: a scalar, a sequence or a mapping, with where it was written and its merge tag.
 * Immutable; mappings keep the order their keys were written in (printers sort where Compose sorts).
 */
public sealed interface ComposeNode {

    NodePosition position();

    MergeTag tag();

    ComposeNode withTag(MergeTag tag);

    /** A scalar; {@code text} is the value as written for strings, canonical for the other types. */
    record Scalar(String text, ScalarType type, NodePosition position, MergeTag tag) implements ComposeNode {
        public Scalar {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(tag, "tag");
        }

        public static Scalar string(String text, NodePosition position) {
            return new Scalar(text, ScalarType.STRING, position, MergeTag.NONE);
        }

        public static Scalar of(String text, ScalarType type, NodePosition position) {
            return new Scalar(text, type, position, MergeTag.NONE);
        }

        public static Scalar nullAt(NodePosition position) {
            return new Scalar("", ScalarType.NULL, position, MergeTag.NONE);
        }

        public boolean isNull() {
            return type == ScalarType.NULL;
        }

        public Scalar as(ScalarType newType) {
            return new Scalar(text, newType, position, tag);
        }

        @Override
        public ComposeNode withTag(MergeTag newTag) {
            return new Scalar(text, type, position, newTag);
        }
    }

    record Sequence(List<ComposeNode> items, NodePosition position, MergeTag tag) implements ComposeNode {
        public Sequence {
            items = List.copyOf(items);
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(tag, "tag");
        }

        public static Sequence of(List<ComposeNode> items, NodePosition position) {
            return new Sequence(items, position, MergeTag.NONE);
        }

        @Override
        public ComposeNode withTag(MergeTag newTag) {
            return new Sequence(items, position, newTag);
        }
    }

    /** A mapping, keys in the order written (or merged). */
    record Mapping(Map<String, ComposeNode> entries, NodePosition position, MergeTag tag) implements ComposeNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(tag, "tag");
        }

        public static Mapping of(Map<String, ComposeNode> entries, NodePosition position) {
            return new Mapping(entries, position, MergeTag.NONE);
        }

        public static Mapping empty(NodePosition position) {
            return new Mapping(Map.of(), position, MergeTag.NONE);
        }

        public Optional<ComposeNode> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        public Optional<String> text(String key) {
            return get(key).flatMap(node -> node instanceof Scalar scalar && !scalar.isNull()
                    ? Optional.of(scalar.text()) : Optional.empty());
        }

        public Optional<Mapping> mapping(String key) {
            return get(key).flatMap(node -> node instanceof Mapping mapping ? Optional.of(mapping) : Optional.empty());
        }

        public Mapping with(String key, ComposeNode value) {
            LinkedHashMap<String, ComposeNode> copy = new LinkedHashMap<>(entries);
            copy.put(key, value);
            return new Mapping(copy, position, tag);
        }

        public Mapping without(String key) {
            LinkedHashMap<String, ComposeNode> copy = new LinkedHashMap<>(entries);
            copy.remove(key);
            return new Mapping(copy, position, tag);
        }

        @Override
        public ComposeNode withTag(MergeTag newTag) {
            return new Mapping(entries, position, newTag);
        }
    }
}
