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
 * {@code {{.A.B}}}, {@code {{.}}}, {@code {{json .}}}, {@code {{json .Field}}}, {@code {{index .Map "key"}}} and
 * {@code {{range .Field}}...{{end}}} (a map's values in key order, as Go ranges), over a JSON value. A
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

    private record Action(List<String> path, boolean json, Optional<String> key, int column, String source)
            implements Part {
    }

    /** {@code {{range .Field}}body{{end}}}: the body once per element, with the element as {@code .}. */
    private record Range(List<String> path, List<Part> body) implements Part {
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
        List<List<Part>> open = new ArrayList<>();
        List<List<String>> ranges = new ArrayList<>();
        open.add(new ArrayList<>());
        int at = 0;
        while (at < body.length()) {
            int start = body.indexOf("{{", at);
            if (start < 0) {
                open.getLast().add(new Text(body.substring(at)));
                break;
            }
            open.getLast().add(new Text(body.substring(at, start)));
            int close = body.indexOf("}}", start);
            if (close < 0) {
                throw refuse(source, offset + start + 1, 2, "unclosed action");
            }
            String action = body.substring(start + 2, close).strip();
            if (action.startsWith("range ")) {
                ranges.add(path(action.substring("range ".length()).strip(), action, offset + start + 1, source));
                open.add(new ArrayList<>());
            } else if (action.equals("end")) {
                if (ranges.isEmpty()) {
                    throw refuse(source, offset + start + 1, 7, "unexpected {{end}}");
                }
                List<Part> rangeBody = open.removeLast();
                open.getLast().add(new Range(ranges.removeLast(), rangeBody));
            } else {
                open.getLast().add(action(action, offset + start + 1, source));
            }
            at = close + 2;
        }
        if (!ranges.isEmpty()) {
            throw refuse(source, 1, format.length(), "unexpected EOF: {{range}} without {{end}}");
        }
        List<Part> parts = open.getFirst();
        if (table && !parts.isEmpty() && parts.getFirst() instanceof Text(String text)) {
            parts.set(0, new Text(text.stripLeading()));
        }
        return new GoTemplate(escaped(parts), table);
    }

    private static List<Part> escaped(List<Part> parts) {
        return parts.stream().map(part -> switch (part) {
            case Text(String text) -> (Part) new Text(text.replace("\\t", "\t").replace("\\n", "\n"));
            case Range(List<String> path, List<Part> body) -> new Range(path, escaped(body));
            case Action action -> action;
        }).toList();
    }

    private static List<String> path(String argument, String action, int column, SourceFile source) {
        if (!argument.startsWith(".") || argument.contains(" ")) {
            throw refuse(source, column, action.length() + 4, "unsupported template action {{" + action + "}}");
        }
        return argument.equals(".") ? List.of() : List.of(argument.substring(1).split("\\."));
    }

    private static Action action(String action, int column, SourceFile source) {
        boolean json = action.startsWith("json ");
        String argument = json ? action.substring("json ".length()).strip() : action;
        Optional<String> key = Optional.empty();
        if (argument.startsWith("index ")) {
            String[] words = argument.substring("index ".length()).strip().split(" ", 2);
            String quoted = words.length == 2 ? words[1].strip() : "";
            if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
                throw refuse(source, column, action.length() + 4, "unsupported template action {{" + action + "}}");
            }
            key = Optional.of(quoted.substring(1, quoted.length() - 1));
            argument = words[0];
        }
        return new Action(path(argument, action, column, source), json, key, column, action);
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
                case Range range -> out.append(new GoTemplate(range.body(), false).header(titles));
            }
        }
        return out.toString();
    }

    String render(JsonNode value) {
        return render(value, Types.NONE);
    }

    String render(JsonNode value, Types types) {
        StringBuilder out = new StringBuilder();
        render(parts, value, types, out);
        return out.toString();
    }

    private static void render(List<Part> parts, JsonNode value, Types types, StringBuilder out) {
        for (Part part : parts) {
            switch (part) {
                case Text(String text) -> out.append(text);
                case Action action -> {
                    JsonNode selected = select(value, action.path(), types);
                    if (action.key().isPresent()) {
                        // Go's index of a map: the zero value for a missing key.
                        JsonNode indexed = selected.has(action.key().get()) ? selected.get(action.key().get())
                                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode("");
                        out.append(action.json() ? GoJson.compact(indexed) : plain(indexed));
                    } else {
                        out.append(action.json() ? GoJson.compact(selected)
                                : types.print(action.path(), selected).orElseGet(() -> plain(selected)));
                    }
                }
                case Range range -> {
                    JsonNode selected = select(value, range.path(), types);
                    if (selected.isArray()) {
                        selected.forEach(item -> render(range.body(), item, Types.NONE, out));
                    } else if (selected.isObject()) {
                        new TreeMap<>(selected.properties().stream().collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, Map.Entry::getValue)))
                                .values().forEach(item -> render(range.body(), item, Types.NONE, out));
                    }
                }
            }
        }
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
                .withHint("supported: {{.Field}}, {{json .}}, {{json .Field}}, {{index .Field \"key\"}},"
                        + " {{range .Field}}...{{end}} and a \"table\" prefix");
        return new InvalidInputException(diagnostic, source.text().isEmpty() ? null : source);
    }
}
