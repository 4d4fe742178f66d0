package dev.berth.cli;

import dev.berth.api.SourceTools;
import dev.berth.diagnostic.SourceFile;
import dev.berth.error.NotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth dockerignore read FILE}: the patterns as Docker reads them, one a line. */
@Command(
        name = "read",
        mixinStandardHelpOptions = true,
        description = "Prints the patterns of an ignore file as Docker reads them: comments and blank lines "
                + "dropped, trimmed and cleaned, exceptions keeping their '!'.")
final class DockerignoreReadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The ignore file.")
    Path file;

    @Override
    public Integer call() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new NotFoundException("reading ignore file " + file + ": no such file", missing);
        } catch (IOException failure) {
            throw new NotFoundException("reading ignore file " + file, failure);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String pattern : SourceTools.ignorePatterns(new SourceFile(file.toString(), text))) {
            out.println(pattern);
        }
        out.flush();
        return 0;
    }
}
