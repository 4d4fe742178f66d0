package dev.berth.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.SourceTools;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth dockerignore match}: a line-oriented oracle for tools and conformance tests. Each input
 * line is {@code {"patterns": [...], "path": "..."}}; each output line is {@code {"match": BOOL}} or
 * {@code {"error": "..."}}. A bad line gives an error line, never stops the stream.
 */
@Command(
        name = "match",
        mixinStandardHelpOptions = true,
        description = "Reads JSON lines {\"patterns\": [...], \"path\": \"...\"} and writes {\"match\": true|false} "
                + "or {\"error\": \"...\"} for each, with Docker's .dockerignore semantics.")
final class DockerignoreMatchCommand implements Callable<Integer> {

    private final ObjectMapper json = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-",
            description = "JSON lines to read; '-' (the default) is standard input.")
    String input;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    out.println(json.writeValueAsString(answer(line)));
                    out.flush();
                }
            }
        }
        return 0;
    }

    private InputStream open() throws IOException {
        return input.equals("-") ? System.in : Files.newInputStream(Path.of(input));
    }

    private ObjectNode answer(String line) {
        ObjectNode answer = json.createObjectNode();
        try {
            JsonNode request = json.readTree(line);
            JsonNode patterns = request.path("patterns");
            JsonNode path = request.path("path");
            if (!patterns.isArray() || !path.isTextual()) {
                return answer.put("error", "expected {\"patterns\": [strings], \"path\": string}");
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode pattern : patterns) {
                if (!pattern.isTextual()) {
                    return answer.put("error", "patterns must be strings, got " + pattern);
                }
                texts.add(pattern.textValue());
            }
            return answer.put("match", SourceTools.ignores(texts, path.textValue()));
        } catch (JsonProcessingException malformed) {
            return answer.put("error", "not JSON: " + malformed.getOriginalMessage());
        } catch (InvalidInputException invalid) {
            return answer.put("error", invalid.diagnostics().stream()
                    .map(Diagnostic::message).collect(Collectors.joining("; ")));
        }
    }
}
