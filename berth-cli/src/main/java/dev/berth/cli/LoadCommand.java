package dev.berth.cli;

import dev.berth.api.ArchiveImage;
import dev.berth.api.Berth;
import dev.berth.error.NotFoundException;
import dev.berth.image.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth load [-i FILE]}: reads a Docker or OCI archive (plain or compressed) from a file or STDIN. */
@Command(name = "load", description = "Load images from a tar archive or STDIN.", mixinStandardHelpOptions = true)
class LoadCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Read from a tar archive file instead of STDIN.")
    String input;

    @Option(names = {"-q", "--quiet"}, description = "Suppress the load output (kept for Docker compatibility).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<ArchiveImage> loaded;
        try (Berth store = berth.open(); InputStream in = open()) {
            loaded = store.load(in);
        }
        print(loaded, spec.commandLine().getOut());
        return 0;
    }

    private InputStream open() throws IOException {
        if (input == null || input.equals("-")) {
            return System.in;
        }
        try {
            return Files.newInputStream(Path.of(input));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("opening " + input + ": no such file", e);
        }
    }

    /** Docker's lines: {@code Loaded image: NAME} per name, {@code Loaded image ID: ID} for a nameless image. */
    static void print(List<ArchiveImage> loaded, PrintWriter out) {
        for (ArchiveImage image : loaded) {
            if (image.names().isEmpty()) {
                out.println("Loaded image ID: " + image.id());
            }
            image.names().forEach(name -> out.println("Loaded image: " + ImageReference.parse(name).familiar()));
        }
        out.flush();
    }
}
