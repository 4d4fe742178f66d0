package dev.berth.cli;

import dev.berth.api.Secret;
import dev.berth.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code --secret id=NAME[,type=file|env][,src=FILE|,env=VAR]}, as Docker's buildx reads it: {@code src}
 * (or {@code source}) names a file, {@code env} an environment variable; {@code type=env} makes {@code src} the
 * variable's name; with only an id, the variable of that name. A file that does not exist is an error now; an
 * unset variable gives no secret (a RUN that requires it fails, naming its line).
 */
final class SecretOption {

    private SecretOption() {
    }

    static Map<String, Secret> parse(List<String> values, Map<String, String> env, CommandSpec spec) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (String value : values) {
            String id = "";
            String type = "";
            String source = "";
            String variable = "";
            for (String field : value.split(",")) {
                int equals = field.indexOf('=');
                if (equals < 0) {
                    throw invalid(spec, value, "field \"" + field + "\" must be a key=value pair");
                }
                String key = field.substring(0, equals).toLowerCase(Locale.ROOT);
                String text = field.substring(equals + 1);
                switch (key) {
                    case "id" -> id = text;
                    case "type" -> {
                        if (!text.equals("file") && !text.equals("env")) {
                            throw invalid(spec, value, "unsupported secret type \"" + text + "\" (file or env)");
                        }
                        type = text;
                    }
                    case "src", "source" -> source = text;
                    case "env" -> variable = text;
                    default -> throw invalid(spec, value, "unexpected key \"" + key + "\"");
                }
            }
            if (type.equals("env") && variable.isEmpty()) {
                variable = source;
                source = "";
            }
            if (!source.isEmpty() && !variable.isEmpty()) {
                throw invalid(spec, value, "a secret comes from a file or a variable, not both");
            }
            if (id.isEmpty()) {
                id = !source.isEmpty() ? Path.of(source).getFileName().toString() : variable;
            }
            if (id.isEmpty()) {
                throw invalid(spec, value, "the secret needs an id");
            }
            if (source.isEmpty() && variable.isEmpty()) {
                variable = type.equals("file") ? "" : id;
                source = type.equals("file") ? id : "";
            }
            Optional<Secret> secret = source.isEmpty() ? fromVariable(env, variable) : Optional.of(fromFile(source));
            String secretId = id;
            secret.ifPresent(found -> secrets.put(secretId, found));
        }
        return secrets;
    }

    private static Secret fromFile(String source) {
        Path file = Path.of(source).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("reading secret file " + file + ": no such file");
        }
        return new Secret.FromFile(file);
    }

    private static Optional<Secret> fromVariable(Map<String, String> env, String variable) {
        return Optional.ofNullable(env.get(variable))
                .map(text -> new Secret.FromValue(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static ParameterException invalid(CommandSpec spec, String value, String why) {
        return new ParameterException(spec.commandLine(), "invalid --secret " + value + ": " + why);
    }
}
