package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The part of Go's {@code text/template} that Docker's {@code --format} is used with: text, {@code {{.Field}}},
 * {@code {{.A.B}}}, {@code {{.}}}, {@code {{json .}}} and {@code {{json .Field}}}, over a JSON value. A
 * {@code table } prefix adds a header line (Docker's column titles) and aligns columns; {@code \t} and
 * {@code \n} in the format are a tab and a newline, as Docker replaces them. Values print as Go's
 * {@code fmt} prints them: arrays {@code [a b]}, objects {@code map[k:v]}. Anything else is refused with a
 * diagnostic pointing at the action.
 */
final class GoTemplate {

    /**
     * The Go types behind the JSON a template reads. Docker's CLI executes {@code --format} over typed
     * structs, not over the JSON it prints: a member the JSON omits ({@code omitempty}) still has its zero
     * value, and a nil slice prints {@code []}, a nil map {@code map[]}.
     */
    interface Types {

        /** Plain decoded JSON: a missing member is an error, {@code null} prints {@code <nil>}. */
        Types NONE = new Types() {
            @Override
            public Optional<JsonNode> omitted(List<String> path) {
                return Optional.empty();
            }

            @Override
            public Optional<String> print(List<String> path, JsonNode value) {
                return Optional.empty();
            }
        };

        /** The value of the field at {@code path} when the JSON omits it, if the type has such a field. */
        Optional<JsonNode> omitted(List<String> path);

        /** How Go prints the value at {@code path}, when that differs from printing the decoded JSON. */
        Optional<String> print(List<String> path, JsonNode value);
    }

    private sealed interface Part {
    }

    private record Text(String text) implements Part {
    }

    private record Action(List<String> path, boolean json, int column, String source) implements Part {
    }

    private final List<Part> parts;
    private final boolean table;

    private GoTemplate(List<Part> parts, boolean table) {
        this.parts = List.copyOf(parts);
        this.table = table;
    }

    static GoTemplate parse(String format) {
        SourceFile source = new SourceFile("--format", format);
        boolean table = format.startsWith("table");
        String body = table ? format.substring("table".length()) : format;
        int offset = format.length() - body.length();
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < body.length()) {
            int open = body.indexOf("{{", at);
            if (open < 0) {
                parts.add(new Text(body.substring(at)));
                break;
            }
            parts.add(new Text(body.substring(at, open)));
            int close = body.indexOf("}}", open);
            if (close < 0) {
                throw refuse(source, offset + open + 1, 2, "unclosed action");
            }
            String action = body.substring(open + 2, close).strip();
            parts.add(action(action, offset + open + 1, source));
            at = close + 2;
        }
        if (table && !parts.isEmpty() && parts.getFirst() instanceof Text(String text)) {
            parts.set(0, new Text(text.stripLeading()));
        }
        List<Part> replaced = parts.stream().map(part -> part instanceof Text(String text)
                ? (Part) new Text(text.replace("\\t", "\t").replace("\\n", "\n")) : part).toList();
        return new GoTemplate(replaced, table);
    }

    private static Action action(String action, int column, SourceFile source) {
        boolean json = action.startsWith("json ");
        String argument = json ? action.substring("json ".length()).strip() : action;
        if (!argument.startsWith(".") || argument.contains(" ")) {
            throw refuse(source, column, action.length() + 4, "unsupported template action {{" + action + "}}");
        }
        List<String> path = argument.equals(".") ? List.of() : List.of(argument.substring(1).split("\\."));
        return new Action(path, json, column, action);
    }

    boolean isTable() {
        return table;
    }

    /** The header line of a table: each action's title from {@code titles}, else its field name upper-cased. */
    String header(Map<String, String> titles) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Text(String text) -> out.append(text);
                case Action action -> {
                    String field = action.path().isEmpty() ? "" : action.path().getLast();
                    out.append(titles.getOrDefault(field, field.toUpperCase(Locale.ROOT)));
                }
            }
        }
        return out.toString();
    }

    String render(JsonNode value) {
        return render(value, Types.NONE);
    }

    String render(JsonNode value, Types types) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Text(String text) -> out.append(text);
                case Action action -> {
                    JsonNode selected = select(value, action.path(), types);
                    out.append(action.json() ? GoJson.compact(selected)
                            : types.print(action.path(), selected).orElseGet(() -> plain(selected)));
                }
            }
        }
        return out.toString();
    }

    private static JsonNode select(JsonNode value, List<String> path, Types types) {
        JsonNode selected = value;
        for (int i = 0; i < path.size(); i++) {
            String field = path.get(i);
            Optional<JsonNode> member = selected.isObject() && selected.has(field) ? Optional.of(selected.get(field))
                    : selected.isObject() ? types.omitted(path.subList(0, i + 1)) : Optional.empty();
            if (member.isEmpty()) {
                throw refuse(new SourceFile("--format", ""), 1, 1, "template: executing at <."
                        + String.join(".", path) + ">: can't evaluate field " + field);
            }
            selected = member.get();
        }
        return selected;
    }

    /** Go's {@code fmt.Sprint} of a decoded JSON value. */
    static String plain(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isNull() || node.isMissingNode()) {
            return "<nil>";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(plain(item)));
            return "[" + String.join(" ", items) + "]";
        }
        if (node.isObject()) {
            Map<String, String> sorted = new TreeMap<>();
            node.properties().forEach(member -> sorted.put(member.getKey(), plain(member.getValue())));
            List<String> items = new ArrayList<>();
            sorted.forEach((key, item) -> items.add(key + ":" + item));
            return "map[" + String.join(" ", items) + "]";
        }
        return node.asText();
    }

    private static InvalidInputException refuse(SourceFile source, int column, int length, String message) {
        Diagnostic diagnostic = Diagnostic.error(source.name(), SourceRange.columns(1, column, column + length), message)
                .withHint("supported: {{.Field}}, {{json .}}, {{json .Field}} and a \"table\" prefix");
        return new InvalidInputException(diagnostic, source.text().isEmpty() ? null : source);
    }
}
