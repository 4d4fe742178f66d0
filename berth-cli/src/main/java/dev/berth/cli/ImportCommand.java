package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ImportRequest;
import dev.berth.error.NotFoundException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth import FILE|URL|- [REPOSITORY[:TAG]]}: a one-layer image from a root filesystem tarball, as
 * {@code docker import} makes it; prints the new image ID.
 */
@Command(name = "import", description = "Import the contents from a tarball to create a filesystem image.",
        mixinStandardHelpOptions = true)
class ImportCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-c", "--change"}, paramLabel = "INSTRUCTION",
            description = "Apply a Dockerfile instruction to the image (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, "
                    + "STOPSIGNAL, USER, VOLUME, WORKDIR).")
    List<String> changes = new ArrayList<>();

    @Option(names = {"-m", "--message"}, paramLabel = "MESSAGE", description = "Set the commit message for the imported image.")
    String message;

    @Parameters(index = "0", paramLabel = "FILE|URL|-")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    String reference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        boolean remote = source.startsWith("http://") || source.startsWith("https://");
        Digest id;
        try (Berth store = berth.open()) {
            if (remote) {
                // Berth downloads it, as Docker's daemon does.
                id = store.importRootfs(request(ImportRequest.url(URI.create(source))));
            } else {
                try (InputStream in = open()) {
                    id = store.importRootfs(request(ImportRequest.tarball(in)));
                }
            }
        }
        spec.commandLine().getOut().println(id);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private ImportRequest request(ImportRequest.Builder request) {
        request.changes(changes);
        Optional.ofNullable(reference).ifPresent(request::reference);
        Optional.ofNullable(message).ifPresent(request::message);
        return request.build();
    }

    private InputStream open() throws IOException {
        if (source.equals("-")) {
            return System.in;
        }
        try {
            return Files.newInputStream(Path.of(source));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("opening " + source + ": no such file", e);
        }
    }
}
