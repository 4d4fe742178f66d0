package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.CheckRequest;
import dev.berth.api.DockerfileCheck;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.DiagnosticRenderer;
import dev.berth.diagnostic.SourceFile;
import dev.berth.error.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth dockerfile check}: every error and warning of a Dockerfile on standard error, a count on
 * standard output, exit 1 when there is an error.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Checks a Dockerfile without building it: syntax, instructions, stages, ARG scoping and"
                + " BuildKit's checks. Prints every problem, then a count; exits 1 if there is an error.")
final class DockerfileCheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "The Dockerfile (default: CONTEXT/Dockerfile; - reads standard input).")
    private String file;

    @Option(names = "--build-arg", paramLabel = "K=V",
            description = "A build argument; K alone takes the value of the environment variable K.")
    private List<String> buildArgs = List.of();

    @Option(names = "--target", paramLabel = "STAGE", description = "The stage that would be built.")
    private String target;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONTEXT", defaultValue = ".",
            description = "The build context directory (default: the current directory).")
    private Path context;

    @Override
    public Integer call() throws IOException {
        SourceFile source = read();
        CheckRequest.Builder request = CheckRequest.builder(source).buildArgs(buildArgs()).context(context);
        Optional.ofNullable(target).ifPresent(request::target);
        if (!"-".equals(file)) {
            request.dockerfile(file == null ? context.resolve("Dockerfile") : Path.of(file));
        }
        DockerfileCheck check = Berth.checkDockerfile(request.build());
        PrintWriter err = spec.commandLine().getErr();
        DiagnosticRenderer renderer = new DiagnosticRenderer();
        for (Diagnostic diagnostic : check.diagnostics()) {
            err.print(renderer.render(diagnostic, source));
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.println(check.errors() + " errors, " + check.warnings() + " warnings");
        out.flush();
        return check.errors() > 0 ? 1 : 0;
    }

    private SourceFile read() throws IOException {
        if ("-".equals(file)) {
            // Standard input is the process's, not ours to close.
            InputStream in = System.in;
            return new SourceFile("-", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Path path = file == null ? context.resolve("Dockerfile") : Path.of(file);
        try {
            return new SourceFile(file == null ? path.toString() : file, Files.readString(path));
        } catch (NoSuchFileException missing) {
            throw new NotFoundException("reading Dockerfile " + path + ": no such file", missing);
        }
    }

    private Map<String, String> buildArgs() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : buildArgs) {
            int equals = arg.indexOf('=');
            if (equals < 0) {
                // Docker takes a bare name from the environment, and ignores it when unset.
                Optional.ofNullable(System.getenv(arg)).ifPresent(value -> values.put(arg, value));
            } else {
                values.put(arg.substring(0, equals), arg.substring(equals + 1));
            }
        }
        return values;
    }
}
