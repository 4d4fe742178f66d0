package dev.berth.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One JSON object being read into a record: typed member access that names the member's path in every
 * error, and the members nobody asked for. Like Go's {@code encoding/json}, a member is found by its
 * exact name or else case-insensitively, and {@code null} reads as absent.
 */
final class JsonObject {

    private final JsonNode node;
    private final String path;
    private final String source;
    private final Set<String> taken = new HashSet<>();

    private JsonObject(JsonNode node, String path, String source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    /** The document root, which must be an object. */
    static JsonObject root(JsonNode node, String what, String source) {
        if (!node.isObject()) {
            throw error(source, what + " must be a JSON object, found " + kind(node));
        }
        return new JsonObject(node, "", source);
    }

    Optional<JsonNode> member(String name) {
        String key = node.has(name) ? name : caseInsensitiveKey(name);
        if (key == null) {
            return Optional.empty();
        }
        taken.add(key);
        JsonNode value = node.get(key);
        return value.isNull() ? Optional.empty() : Optional.of(value);
    }

    String string(String name) {
        return member(name).map(value -> text(value, pathOf(name))).orElse("");
    }

    String requiredString(String name) {
        return text(required(name), pathOf(name));
    }

    long requiredLong(String name) {
        return integer(required(name), pathOf(name));
    }

    long optionalLong(String name) {
        return member(name).map(value -> integer(value, pathOf(name))).orElse(0L);
    }

    boolean bool(String name) {
        return member(name).map(value -> {
            if (!value.isBoolean()) {
                throw fail(pathOf(name), "expected a boolean, found " + kind(value));
            }
            return value.booleanValue();
        }).orElse(false);
    }

    List<String> strings(String name) {
        String where = pathOf(name);
        List<String> result = new ArrayList<>();
        member(name).ifPresent(value -> elements(value, where).forEach(
                element -> result.add(text(element, where + "[" + result.size() + "]"))));
        return result;
    }

    /** A Go {@code map[string]string}. */
    Map<String, String> stringMap(String name) {
        String where = pathOf(name);
        Map<String, String> result = new LinkedHashMap<>();
        member(name).ifPresent(value -> {
            requireObject(value, where);
            value.properties().forEach(entry -> result.put(entry.getKey(),
                    text(entry.getValue(), where + "." + entry.getKey())));
        });
        return result;
    }

    /** A Go {@code map[string]struct{}} such as {@code ExposedPorts}: the keys; each value must be an object. */
    Set<String> keySet(String name) {
        String where = pathOf(name);
        Set<String> result = new HashSet<>();
        member(name).ifPresent(value -> {
            requireObject(value, where);
            value.properties().forEach(entry -> {
                if (!entry.getValue().isObject() && !entry.getValue().isNull()) {
                    throw fail(where + "." + entry.getKey(), "expected {}, found " + kind(entry.getValue()));
                }
                result.add(entry.getKey());
            });
        });
        return result;
    }

    Optional<JsonObject> object(String name) {
        return member(name).map(value -> {
            requireObject(value, pathOf(name));
            return new JsonObject(value, pathOf(name), source);
        });
    }

    JsonObject requiredObject(String name) {
        JsonNode value = required(name);
        requireObject(value, pathOf(name));
        return new JsonObject(value, pathOf(name), source);
    }

    List<JsonObject> objects(String name) {
        String where = pathOf(name);
        List<JsonObject> result = new ArrayList<>();
        member(name).ifPresent(value -> elements(value, where).forEach(element -> {
            String at = where + "[" + result.size() + "]";
            requireObject(element, at);
            result.add(new JsonObject(element, at, source));
        }));
        return result;
    }

    Digest digest(String name) {
        String text = requiredString(name);
        return parseDigest(text, pathOf(name));
    }

    Digest parseDigest(String text, String where) {
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(where, e.getMessage());
        }
    }

    /** The members no accessor asked for, in document order, as compact JSON. */
    Map<String, RawJson> rest() {
        Map<String, RawJson> result = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            if (!taken.contains(entry.getKey())) {
                result.put(entry.getKey(), RawJsonCodec.toRaw(entry.getValue()));
            }
        });
        return result;
    }

    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    InvalidInputException fail(String where, String message) {
        return error(source, where + ": " + message);
    }

    static InvalidInputException error(String source, String message) {
        return new InvalidInputException(Diagnostic.error(source, SourceRange.line(1), message), null);
    }

    private JsonNode required(String name) {
        return member(name).orElseThrow(() -> fail(pathOf(name), "required field is missing"));
    }

    private String caseInsensitiveKey(String name) {
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }

    private String text(JsonNode value, String where) {
        if (!value.isTextual()) {
            throw fail(where, "expected a string, found " + kind(value));
        }
        return value.textValue();
    }

    private long integer(JsonNode value, String where) {
        if (!value.isIntegralNumber()) {
            throw fail(where, "expected an integer, found " + kind(value));
        }
        if (!value.canConvertToLong()) {
            throw fail(where, "integer " + value.bigIntegerValue() + " is out of range");
        }
        return value.longValue();
    }

    private Iterable<JsonNode> elements(JsonNode value, String where) {
        if (!value.isArray()) {
            throw fail(where, "expected an array, found " + kind(value));
        }
        return value;
    }

    private void requireObject(JsonNode value, String where) {
        if (!value.isObject()) {
            throw fail(where, "expected an object, found " + kind(value));
        }
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING, BINARY -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
        };
    }
}
