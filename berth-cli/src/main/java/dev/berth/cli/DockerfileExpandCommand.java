package dev.berth.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Berth;
import dev.berth.api.SourceTools;
import dev.berth.api.VariableExpansion;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code berth dockerfile expand}: Docker's variable substitution as a filter over JSON lines, for
 * checking Berth against BuildKit and for scripts. Each input line {@code {"input": "...", "env":
 * {...}}} gives one output line with the result (or the words), the matched and unmatched names, or
 * the expansion error; blank lines are skipped. A line that is not such an object stops the command.
 */
@Command(
        name = "expand",
        mixinStandardHelpOptions = true,
        description = {
            "Expands Dockerfile variables in JSON lines read from standard input.",
            "Input: {\"input\": \"...\", \"env\": {\"NAME\": \"value\"}} per line.",
            "Output: {\"result\": \"...\", \"matched\": [...], \"unmatched\": [...]} per line,"
                    + " or {\"error\": \"...\"} if the input cannot be expanded."
        })
final class DockerfileExpandCommand implements Callable<Integer> {

    private static final String STDIN = "<stdin>";

    @Spec
    private CommandSpec spec;

    @Option(names = "--words", description = "Split each input into words after expansion, as for COPY, ADD, EXPOSE and VOLUME arguments.")
    private boolean words;

    @Option(names = "--escape", paramLabel = "C", defaultValue = "\\",
            description = "The Dockerfile's escape character: \\ (default) or `.")
    private char escape;

    private final InputStream input;
    private final ObjectMapper json = new ObjectMapper();

    DockerfileExpandCommand() {
        this(System.in);
    }

    DockerfileExpandCommand(InputStream input) {
        this.input = input;
    }

    @Override
    public Integer call() throws IOException {
        if (escape != '\\' && escape != '`') {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--escape must be \\ or `, not " + escape);
        }
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            Request request = parse(line, lineNumber);
            out.println(json.writeValueAsString(respond(request)));
            out.flush();
        }
        return 0;
    }

    private ObjectNode respond(Request request) {
        ObjectNode response = json.createObjectNode();
        VariableExpansion expansion = words ? SourceTools.expandWords(request.input(), request.env(), escape)
                : SourceTools.expandWord(request.input(), request.env(), escape);
        switch (expansion) {
            case VariableExpansion.Words(var expanded, var matched, var unmatched) -> {
                expanded.forEach(response.putArray("words")::add);
                names(response, matched, unmatched);
            }
            case VariableExpansion.Text(var result, var matched, var unmatched) -> {
                response.put("result", result);
                names(response, matched, unmatched);
            }
            case VariableExpansion.Failed(var message) -> response.put("error", message);
        }
        return response;
    }

    private static void names(ObjectNode response, Collection<String> matched, Collection<String> unmatched) {
        matched.forEach(response.putArray("matched")::add);
        unmatched.forEach(response.putArray("unmatched")::add);
    }

    private Request parse(String line, int lineNumber) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException malformed) {
            throw invalid(lineNumber, "not valid JSON: " + malformed.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            String found = node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
            throw invalid(lineNumber, "expected a JSON object, found " + found);
        }
        JsonNode text = node.get("input");
        if (text == null || !text.isTextual()) {
            throw invalid(lineNumber, "\"input\" must be a string");
        }
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode envNode = node.get("env");
        if (envNode != null && !envNode.isNull()) {
            if (!envNode.isObject()) {
                throw invalid(lineNumber, "\"env\" must be an object of strings");
            }
            for (var field : envNode.properties()) {
                if (!field.getValue().isTextual()) {
                    throw invalid(lineNumber, "\"env\" value of \"" + field.getKey() + "\" must be a string");
                }
                env.put(field.getKey(), field.getValue().textValue());
            }
        }
        return new Request(text.textValue(), env);
    }

    private static InvalidInputException invalid(int lineNumber, String message) {
        Diagnostic diagnostic = Diagnostic.error(STDIN, SourceRange.line(lineNumber), message)
                .withHint("each line must be {\"input\": \"...\", \"env\": {\"NAME\": \"value\"}}");
        return new InvalidInputException(diagnostic, null);
    }

    private record Request(String input, Map<String, String> env) {}
}
