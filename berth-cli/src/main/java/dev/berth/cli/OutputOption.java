package dev.berth.cli;

import dev.berth.api.Output;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import java.io.OutputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code -o/--output}, as {@code docker buildx build} reads it: {@code type=image} (the default),
 * {@code type=local,dest=DIR}, {@code type=tar|docker|oci,dest=FILE} ({@code dest=-} is standard output),
 * or a bare value: {@code -o DIR} means local, {@code -o -} a tar on standard output. May be repeated.
 */
final class OutputOption {

    private static final Set<String> TYPES = Set.of("image", "local", "tar", "docker", "oci");

    private OutputOption() {
    }

    /** The outputs asked for; {@code type=image} when none is. {@code stdout} receives {@code dest=-}. */
    static List<Output> parse(List<String> options, OutputStream stdout) {
        if (options.isEmpty()) {
            return List.of(new Output.Image());
        }
        List<Output> outputs = new ArrayList<>();
        for (String option : options) {
            outputs.add(parse(option, stdout));
        }
        long toStdout = outputs.stream().filter(Output::isStreamed).count();
        if (toStdout > 1) {
            throw invalid(options.getLast(), 1, options.getLast().length() + 1,
                    "only one output can go to standard output (dest=-)", "write the others to files");
        }
        return List.copyOf(outputs);
    }

    private static Output parse(String option, OutputStream stdout) {
        if (!option.contains("=") && !option.contains(",")) {
            // buildx: a bare path is the local exporter's dest, and "-" the tar exporter's.
            if (option.isEmpty()) {
                throw invalid(option, 1, 1, "empty --output", "give type=TYPE[,dest=PATH], a directory, or -");
            }
            return option.equals("-") ? new Output.Tar(new Output.Destination.Stream(stdout))
                    : new Output.Local(path(option, option, 1));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        int column = 1;
        for (String field : option.split(",", -1)) {
            int equals = field.indexOf('=');
            if (equals <= 0) {
                throw invalid(option, column, column + field.length(), "expected KEY=VALUE, got \"" + field + "\"",
                        "write the output as type=TYPE[,dest=PATH]");
            }
            String key = field.substring(0, equals).strip();
            fields.put(key, field.substring(equals + 1).strip());
            columns.put(key, column);
            column += field.length() + 1;
        }
        String type = Optional.ofNullable(fields.get("type")).orElseThrow(() -> invalid(option, 1, option.length() + 1,
                "--output has no type", "add type=image, local, tar, docker or oci"));
        int typeColumn = columns.get("type");
        if (!TYPES.contains(type)) {
            throw invalid(option, typeColumn, typeColumn + 5 + type.length(), "unknown output type \"" + type + "\"",
                    "use image, local, tar, docker or oci (registry pushes are not supported yet)");
        }
        for (String key : fields.keySet()) {
            if (!key.equals("type") && !(key.equals("dest") && !type.equals("image"))) {
                int at = columns.get(key);
                throw invalid(option, at, at + key.length(), "type=" + type + " takes no attribute \"" + key + "\"",
                        type.equals("image") ? "name the image with -t" : "only dest=PATH is supported");
            }
        }
        if (type.equals("image")) {
            return new Output.Image();
        }
        String dest = fields.get("dest");
        if (dest == null || dest.isEmpty()) {
            throw invalid(option, 1, option.length() + 1, "type=" + type + " needs dest=" + (type.equals("local") ? "DIR" : "FILE"),
                    type.equals("local") ? "add dest=DIR" : "add dest=FILE, or dest=- for standard output");
        }
        if (type.equals("local")) {
            if (dest.equals("-")) {
                throw invalid(option, columns.get("dest"), columns.get("dest") + 6, "type=local writes a directory, not standard output",
                        "use type=tar,dest=- for a tar on standard output");
            }
            return new Output.Local(path(option, dest, columns.get("dest")));
        }
        Output.Destination destination = dest.equals("-") ? new Output.Destination.Stream(stdout)
                : new Output.Destination.File(path(option, dest, columns.get("dest")));
        return switch (type) {
            case "tar" -> new Output.Tar(destination);
            case "docker" -> new Output.DockerArchive(destination);
            default -> new Output.OciArchive(destination);
        };
    }

    private static Path path(String option, String text, int column) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw invalid(option, column, option.length() + 1, "not a usable path: " + e.getReason(),
                    "give a file or directory name");
        }
    }

    private static InvalidInputException invalid(String option, int from, int to, String message, String hint) {
        SourceFile source = new SourceFile("--output", option);
        return new InvalidInputException(Diagnostic.error("--output", SourceRange.columns(1, from, to), message)
                .withHint(hint), source);
    }
}
