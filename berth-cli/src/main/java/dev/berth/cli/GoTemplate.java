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
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Text(String text) -> out.append(text);
                case Action action -> {
                    JsonNode selected = value;
                    for (String field : action.path()) {
                        if (!selected.isObject() || !selected.has(field)) {
                            throw refuse(new SourceFile("--format", ""), 1, 1, "template: executing at <."
                                    + String.join(".", action.path()) + ">: can't evaluate field " + field);
                        }
                        selected = selected.get(field);
                    }
                    out.append(action.json() ? GoJson.compact(selected) : plain(selected));
                }
            }
        }
        return out.toString();
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
