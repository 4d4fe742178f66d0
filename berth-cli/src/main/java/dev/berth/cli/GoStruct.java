package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.image.GoJsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Go struct as {@code encoding/json} sees it, so that Berth can show JSON the way Docker's daemon does: it
 * decodes the stored JSON into its Go types and marshals them again. That round trip is what puts
 * {@code "User": ""} and {@code "Entrypoint": null} into {@code docker image inspect}: members the JSON lacks
 * come back as Go's zero values, in the struct's order, unless the field is {@code omitempty}. Decoding matches
 * member names case-insensitively and the last duplicate wins, as Go's does; unknown members are dropped.
 *
 * <p>The struct also tells {@link GoTemplate} what Docker's CLI, which executes templates over the same
 * typed values, prints for a member the JSON omits or holds as {@code null}.
 */
record GoStruct(List<Field> fields) implements GoTemplate.Types {

    /** The kinds of Go field the Docker API types use, by how they decode, marshal and print. */
    enum Kind {
        STRING, BOOL, INT,
        /** {@code []string}. */
        STRINGS,
        /** {@code strslice.StrSlice}: a {@code []string} that also accepts a single JSON string. */
        STR_SLICE,
        /** {@code map[string]struct{}} (ports, volumes). */
        SET,
        STRING_MAP,
        /** A struct value: never null, always marshalled. */
        STRUCT,
        /** A pointer to a struct: {@code null} when the JSON has none. */
        STRUCT_POINTER,
        /** {@code *int}: {@code null} when absent, marshalled even when 0. */
        INT_POINTER,
        /** {@code time.Time}: marshalled as RFC 3339 text, printed by templates as {@code Time.String()}. */
        TIME
    }

    /** One field: its JSON name, kind, {@code omitempty}, and for struct kinds the struct. */
    record Field(String name, Kind kind, boolean omitEmpty, GoStruct struct) {

        static Field of(String name, Kind kind) {
            return new Field(name, kind, false, null);
        }

        static Field omitEmpty(String name, Kind kind) {
            return new Field(name, kind, true, null);
        }

        static Field struct(String name, Kind kind, boolean omitEmpty, GoStruct struct) {
            return new Field(name, kind, omitEmpty, struct);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    GoStruct {
        fields = List.copyOf(fields);
    }

    static GoStruct of(Field... fields) {
        return new GoStruct(List.of(fields));
    }

    /** {@code json} decoded into this struct and marshalled again; anything but an object decodes as zero. */
    ObjectNode remarshal(JsonNode json) {
        Map<Field, JsonNode> given = new LinkedHashMap<>();
        if (json != null && json.isObject()) {
            json.properties().forEach(member -> field(member.getKey(), true)
                    .ifPresent(field -> given.put(field, member.getValue())));
        }
        ObjectNode out = NODES.objectNode();
        for (Field field : fields) {
            JsonNode value = decode(field, given.getOrDefault(field, NullNode.getInstance()));
            if (!(field.omitEmpty() && empty(field.kind(), value))) {
                out.set(field.name(), value);
            }
        }
        return out;
    }

    private Optional<Field> field(String name, boolean foldCase) {
        return fields.stream().filter(field -> foldCase ? field.name().equalsIgnoreCase(name)
                : field.name().equals(name)).findFirst();
    }

    private static JsonNode decode(Field field, JsonNode json) {
        return switch (field.kind()) {
            case STRING, TIME -> NODES.textNode(json.isTextual() ? json.asText() : "");
            case BOOL -> NODES.booleanNode(json.isBoolean() && json.asBoolean());
            case INT -> NODES.numberNode(json.isNumber() ? json.asLong() : 0);
            case INT_POINTER -> json.isNumber() ? NODES.numberNode(json.asLong()) : NullNode.getInstance();
            case STRINGS, STR_SLICE -> strings(field.kind(), json);
            case SET, STRING_MAP -> map(field.kind(), json);
            case STRUCT -> field.struct().remarshal(json);
            case STRUCT_POINTER -> json.isObject() ? field.struct().remarshal(json) : NullNode.getInstance();
        };
    }

    private static JsonNode strings(Kind kind, JsonNode json) {
        if (kind == Kind.STR_SLICE && json.isTextual()) {
            return NODES.arrayNode().add(json.asText());
        }
        if (!json.isArray()) {
            return NullNode.getInstance();
        }
        ArrayNode out = NODES.arrayNode();
        json.forEach(item -> out.add(item.isTextual() ? item.asText() : ""));
        return out;
    }

    private static JsonNode map(Kind kind, JsonNode json) {
        if (!json.isObject()) {
            return NullNode.getInstance();
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        json.properties().forEach(member -> values.put(member.getKey(), member.getValue()));
        ObjectNode out = NODES.objectNode();
        values.keySet().stream().sorted(GoJsonString.MAP_KEY_ORDER).forEach(key -> {
            JsonNode value = values.get(key);
            out.set(key, kind == Kind.SET ? NODES.objectNode() : NODES.textNode(value.isTextual() ? value.asText() : ""));
        });
        return out;
    }

    /** Go's {@code omitempty}: false, 0, "", a nil pointer, and a nil or empty slice or map. */
    private static boolean empty(Kind kind, JsonNode value) {
        return switch (kind) {
            case STRING, TIME -> value.asText().isEmpty();
            case BOOL -> !value.asBoolean();
            case INT -> value.asLong() == 0;
            case STRINGS, STR_SLICE, SET, STRING_MAP -> value.isNull() || value.isEmpty();
            case STRUCT -> false;
            case STRUCT_POINTER, INT_POINTER -> value.isNull();
        };
    }

    @Override
    public Optional<JsonNode> omitted(List<String> path) {
        return at(path).map(field -> switch (field.kind()) {
            case STRING, TIME -> NODES.textNode("");
            case BOOL -> NODES.booleanNode(false);
            case INT -> NODES.numberNode(0);
            case STRUCT -> field.struct().remarshal(null);
            default -> NullNode.getInstance();
        });
    }

    @Override
    public Optional<String> print(List<String> path, JsonNode value) {
        return at(path).flatMap(field -> switch (field.kind()) {
            case STRINGS, STR_SLICE -> value.isNull() ? Optional.of("[]") : Optional.empty();
            case SET -> Optional.of(set(value));
            case STRING_MAP -> value.isNull() ? Optional.of("map[]") : Optional.empty();
            case TIME -> GoJson.timeString(value.asText());
            default -> Optional.empty();
        });
    }

    /** {@code fmt} prints a {@code map[string]struct{}} with {@code {}} values, keys sorted. */
    private static String set(JsonNode value) {
        List<String> keys = new ArrayList<>();
        value.properties().forEach(member -> keys.add(member.getKey() + ":{}"));
        return "map[" + String.join(" ", keys.stream().sorted(GoJsonString.MAP_KEY_ORDER).toList()) + "]";
    }

    /** The field a template path names, through struct fields. */
    private Optional<Field> at(List<String> path) {
        GoStruct struct = this;
        Optional<Field> field = Optional.empty();
        for (String name : path) {
            if (struct == null) {
                return Optional.empty();
            }
            field = struct.field(name, false);
            struct = field.map(Field::struct).orElse(null);
        }
        return field;
    }
}
