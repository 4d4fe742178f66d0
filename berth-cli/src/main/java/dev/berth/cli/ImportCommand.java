package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.error.NotFoundException;
import dev.berth.error.TransferException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    public Integer call() throws IOException, InterruptedException {
        boolean remote = source.startsWith("http://") || source.startsWith("https://");
        // Docker sends a file's bytes as the request body, so its message says "-" for files too.
        String comment = message != null ? message : "Imported from " + (remote ? source : "-");
        Digest id;
        try (Berth store = berth.open(); InputStream in = open(remote)) {
            id = store.importRootfs(in, Optional.ofNullable(reference), changes, comment);
        }
        spec.commandLine().getOut().println(id);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private InputStream open(boolean remote) throws IOException, InterruptedException {
        if (source.equals("-")) {
            return System.in;
        }
        if (remote) {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(source)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new TransferException("downloading " + source + ": HTTP " + response.statusCode());
            }
            return response.body();
        }
        try {
            return Files.newInputStream(Path.of(source));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("opening " + source + ": no such file", e);
        }
    }
}
