package dev.berth.dockerfile.instruction;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.syntax.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds syntax nodes by hand for tests, independent of any Dockerfile parser: one line, words split on
 * spaces, leading {@code --} words as flags, a {@code [...]} rest as JSON, {@code k=v} words as
 * ENV/LABEL triples, {@code HEALTHCHECK CMD} followed by shell or JSON.
 */
public final class TestNodes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestNodes() {}

    /** The node of {@code text} written on line 1, column 1. */
    public static Node line(String text) {
        return line(text, 1);
    }

    public static Node line(String text, int lineNumber) {
        List<String> words = new ArrayList<>(List.of(text.strip().split(" +")));
        String keyword = words.removeFirst().toLowerCase(Locale.ROOT);
        List<String> flags = new ArrayList<>();
        while (!words.isEmpty() && words.getFirst().startsWith("--")) {
            flags.add(words.removeFirst());
        }
        String rest = String.join(" ", words);
        Optional<Node> child = Optional.empty();
        boolean json = false;
        List<String> args;
        if (keyword.equals("onbuild")) {
            child = rest.isEmpty() ? Optional.empty() : Optional.of(withColumn(line(rest, lineNumber), text.indexOf(rest) + 1));
            args = rest.isEmpty() ? List.of() : List.of(rest);
        } else if (rest.startsWith("[")) {
            json = true;
            args = json(rest);
        } else if (keyword.equals("env") || keyword.equals("label")) {
            args = new ArrayList<>();
            for (String word : words) {
                int equals = word.indexOf('=');
                args.addAll(List.of(word.substring(0, equals), word.substring(equals + 1), "="));
            }
        } else if (keyword.equals("healthcheck") && words.size() > 1 && words.getFirst().equalsIgnoreCase("cmd")) {
            String command = rest.substring(4);
            json = command.startsWith("[");
            args = new ArrayList<>(List.of(words.getFirst()));
            args.addAll(json ? json(command) : List.of(command));
        } else if (List.of("run", "cmd", "entrypoint", "shell", "maintainer", "user", "workdir", "stopsignal")
                .contains(keyword)) {
            args = rest.isEmpty() ? List.of() : List.of(rest);
        } else {
            args = words;
        }
        return new Node(keyword, flags, args, json, text.strip(), List.of(), child, lineNumber, lineNumber, 1);
    }

    /** A parser whose source holds {@code text} on line 1. */
    public static InstructionParser parser(String text) {
        return new InstructionParser(new SourceFile("Dockerfile", text + "\n"));
    }

    /** The location {@link #line(String)} gives. */
    public static Location at(String text) {
        return new Location(1, 1, 1, text);
    }

    private static Node withColumn(Node node, int column) {
        return new Node(node.keyword(), node.flags(), node.args(), node.json(), node.original(), node.heredocs(),
                node.child(), node.startLine(), node.endLine(), column);
    }

    private static List<String> json(String text) {
        try {
            return JSON.readValue(text, new TypeReference<List<String>>() {});
        } catch (Exception notJson) {
            throw new IllegalArgumentException("not a JSON array: " + text, notJson);
        }
    }
}
