package dev.berth.dockerfile.syntax;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.diagnostic.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stand-in for the syntax parser (replaced at merge): a tiny line-based parser with continuation lines,
 * comments, directives, flags, JSON arrays, ENV/LABEL pairs and ONBUILD. No heredocs.
 */
public final class DockerfileParser {

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Set<String> JSON_CAPABLE = Set.of("cmd", "entrypoint", "run", "shell", "volume", "copy", "add");
    private static final Set<String> WORD_LISTS = Set.of("from", "arg", "expose", "copy", "add", "volume");
    private static final ObjectMapper JSON = new ObjectMapper();

    public SyntaxTree parse(SourceFile source) {
        List<Directive> directives = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        boolean directivesAllowed = true;
        // SourceFile.line scans the text on each call; split once so parsing stays linear.
        List<String> lines = source.text().lines().toList();
        int lineCount = lines.size();
        for (int number = 1; number <= lineCount; number++) {
            String line = lines.get(number - 1);
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                Matcher directive = DIRECTIVE.matcher(trimmed);
                if (directivesAllowed && directive.matches()) {
                    directives.add(new Directive(directive.group(1).toLowerCase(Locale.ROOT), directive.group(2), number));
                } else {
                    directivesAllowed = false;
                }
                continue;
            }
            directivesAllowed = false;
            if (trimmed.isEmpty()) {
                continue;
            }
            int start = number;
            StringBuilder logical = new StringBuilder();
            String current = line;
            while (current.stripTrailing().endsWith("\\") && number < lineCount) {
                String kept = current.stripTrailing();
                logical.append(kept, 0, kept.length() - 1);
                number++;
                current = lines.get(number - 1);
                while (current.strip().startsWith("#") && number < lineCount) {
                    number++;
                    current = lines.get(number - 1);
                }
            }
            logical.append(current);
            int column = line.indexOf(trimmed.charAt(0)) + 1;
            nodes.add(node(logical.toString().strip(), start, number, column));
        }
        return new SyntaxTree(source, '\\', directives, nodes, List.of());
    }

    private static Node node(String text, int startLine, int endLine, int column) {
        String[] split = text.split("\\s+", 2);
        String keyword = split[0].toLowerCase(Locale.ROOT);
        String rest = split.length > 1 ? split[1] : "";
        List<String> flags = new ArrayList<>();
        while (rest.startsWith("--")) {
            String[] flagSplit = rest.split("\\s+", 2);
            flags.add(flagSplit[0]);
            rest = flagSplit.length > 1 ? flagSplit[1] : "";
        }
        Optional<Node> child = Optional.empty();
        boolean json = false;
        List<String> args;
        Optional<List<String>> array = JSON_CAPABLE.contains(keyword) ? jsonArray(rest) : Optional.empty();
        if (array.isPresent()) {
            json = true;
            args = array.get();
        } else if (keyword.equals("onbuild")) {
            child = rest.isBlank() ? Optional.empty() : Optional.of(node(rest, startLine, endLine, column));
            args = rest.isBlank() ? List.of() : List.of(rest);
        } else if (keyword.equals("env") || keyword.equals("label")) {
            args = pairs(rest);
        } else if (keyword.equals("healthcheck")) {
            String[] words = rest.split("\\s+", 2);
            if (words[0].equalsIgnoreCase("CMD") && words.length > 1) {
                Optional<List<String>> command = jsonArray(words[1]);
                json = command.isPresent();
                args = new ArrayList<>(List.of(words[0]));
                args.addAll(command.orElse(List.of(words[1])));
            } else {
                args = rest.isBlank() ? List.of() : List.of(rest.split("\\s+"));
            }
        } else if (WORD_LISTS.contains(keyword)) {
            args = rest.isBlank() ? List.of() : List.of(rest.split("\\s+"));
        } else {
            args = rest.isBlank() ? List.of() : List.of(rest);
        }
        return new Node(keyword, flags, args, json, text, List.of(), child, startLine, endLine, column);
    }

    private static Optional<List<String>> jsonArray(String text) {
        if (!text.startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(text, new TypeReference<List<String>>() {}));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    /** {@code k=v k2="a b"} as (key, value, "=") triples, or the legacy {@code K rest} as (K, rest, ""). */
    private static List<String> pairs(String text) {
        List<String> words = quotedWords(text);
        List<String> triples = new ArrayList<>();
        if (!words.isEmpty() && !words.getFirst().contains("=")) {
            String[] legacy = text.split("\\s+", 2);
            triples.addAll(List.of(legacy[0], legacy.length > 1 ? legacy[1] : "", ""));
            return triples;
        }
        for (String word : words) {
            int equals = word.indexOf('=');
            triples.addAll(List.of(word.substring(0, equals), word.substring(equals + 1), "="));
        }
        return triples;
    }

    private static List<String> quotedWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (c == '\\' && i + 1 < text.length() && quote != '\'') {
                word.append(c).append(text.charAt(++i));
                continue;
            }
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
            word.append(c);
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
