package dev.berth.cli;

import dev.berth.api.ComposeConfig;
import dev.berth.api.ComposeView;
import dev.berth.api.SourceTools;
import dev.berth.error.InvalidInputException;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code berth compose config}: the project as Docker Compose 2.26.1's {@code config} prints it (YAML, or JSON),
 * or one of its lists. Warnings go to standard error.
 */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Parse, resolve and render the compose file in canonical format.")
final class ComposeConfigCommand implements Callable<Integer> {

    @ParentCommand
    ComposeCommand compose;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml",
            description = "yaml (the default) or json.")
    String format;

    @Option(names = "--services", description = "Print the service names, one per line.")
    boolean services;

    @Option(names = "--volumes", description = "Print the volume names, one per line.")
    boolean volumes;

    @Option(names = "--profiles", description = "Print the profile names, one per line.")
    boolean profiles;

    @Option(names = "--images", description = "Print the image names, one per line.")
    boolean images;

    @Option(names = "--hash", paramLabel = "SERVICE", description = "Print the config hash of SERVICE[,SERVICE] (* for all).")
    String hash;

    @Option(names = "--no-interpolate", description = "Don't interpolate environment variables.")
    boolean noInterpolate;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Save to FILE instead of printing.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "Only validate the configuration, print nothing.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        ComposeConfig config = SourceTools.composeConfig(compose.request(!noInterpolate), view());
        PrintWriter err = spec.commandLine().getErr();
        config.warnings().forEach(warning -> err.println("WARN[0000] " + warning));
        err.flush();
        if (quiet) {
            return 0;
        }
        if (output != null) {
            Files.writeString(output, config.text(), StandardCharsets.UTF_8);
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(config.text());
        out.flush();
        return 0;
    }

    private ComposeView view() {
        if (services) {
            return new ComposeView.Services();
        }
        if (volumes) {
            return new ComposeView.Volumes();
        }
        if (profiles) {
            return new ComposeView.Profiles();
        }
        if (images) {
            return new ComposeView.Images();
        }
        if (hash != null) {
            return new ComposeView.Hashes(List.of(hash.split(",")));
        }
        return switch (format) {
            case "yaml" -> new ComposeView.Yaml();
            case "json" -> new ComposeView.Json();
            default -> throw new InvalidInputException(Diagnostic.error("--format", SourceRange.line(1),
                    "unsupported format \"" + format + "\": yaml or json"), null);
        };
    }
}
