package dev.berth.cli;

import dev.berth.api.DockerfileDump;
import dev.berth.api.SourceTools;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth dockerfile parse}: prints the syntax tree of a Dockerfile, as BuildKit's s-expression dump
 * ({@code --dump}, the default) or as JSON ({@code --json}). Warnings go to standard error.
 */
@Command(name = "parse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Prints the syntax tree of a Dockerfile (FILE, or - for standard input).")
final class DockerfileParseCommand implements Callable<Integer> {

    static final class Format {
        @Option(names = "--dump", description = "BuildKit's s-expression dump (the default).")
        boolean dump;

        @Option(names = "--json", description = "JSON: directives, instructions, heredocs and warnings.")
        boolean json;
    }

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Parameters(paramLabel = "FILE", description = "The Dockerfile, or - for standard input.")
    String file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SourceFile source = new SourceFile(file, new String(read(file), StandardCharsets.UTF_8));
        DockerfileDump dump = SourceTools.parseDockerfile(source,
                format.json ? DockerfileDump.Format.JSON : DockerfileDump.Format.BUILDKIT);
        PrintWriter err = spec.commandLine().getErr();
        DiagnosticRenderer renderer = new DiagnosticRenderer();
        for (Diagnostic warning : dump.warnings()) {
            err.print(renderer.render(warning, source));
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(dump.text());
        out.flush();
        return 0;
    }

    private static byte[] read(String file) throws IOException {
        if (file.equals("-")) {
            InputStream in = System.in;
            return in.readAllBytes();
        }
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException missing) {
            throw new NotFoundException("reading Dockerfile " + file + ": no such file", missing);
        }
    }
}
