package dev.berth.compose.print;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How compose-go's Go types print a value: a struct (fields in declaration order, extensions after them in YAML
 * and dropped in JSON, {@code false} left out unless the field is a pointer), a map (keys sorted), a list, or a
 * plain value. Printing follows the shape, so the output's key order is Docker Compose's.
 */
sealed interface Shape {

    Shape LEAF = new Leaf();

    record Leaf() implements Shape {
    }

    record MapOf(Shape values) implements Shape {
    }

    record ListOf(Shape items) implements Shape {
    }

    /**
     * @param keptFalse fields that are Go pointers ({@code *bool}): a {@code false} there is printed
     * @param jsonEmpty fields Go's JSON encoder prints even when absent (non-pointer structs, un-omitted fields),
     *     with the JSON text it prints for them
     */
    record Struct(Map<String, Shape> fields, Set<String> keptFalse, Map<String, String> jsonEmpty) implements Shape {
        public Struct {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            keptFalse = Set.copyOf(keptFalse);
            jsonEmpty = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jsonEmpty));
        }

        /** A struct from alternating field names and shapes (a {@code String} alone is a plain field). */
        static Struct of(Object... fields) {
            LinkedHashMap<String, Shape> map = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                String name = (String) fields[i];
                if (i + 1 < fields.length && fields[i + 1] instanceof Shape shape) {
                    map.put(name, shape);
                    i++;
                } else {
                    map.put(name, LEAF);
                }
            }
            return new Struct(map, Set.of(), Map.of());
        }

        Struct keepingFalse(String... names) {
            return new Struct(fields, Set.of(names), jsonEmpty);
        }

        Struct withJsonEmpty(String field, String json) {
            LinkedHashMap<String, String> copy = new LinkedHashMap<>(jsonEmpty);
            copy.put(field, json);
            return new Struct(fields, keptFalse, copy);
        }

        List<String> order() {
            return List.copyOf(fields.keySet());
        }
    }
}
