package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.SaveFormat;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import dev.berth.error.StoreException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth save [-o FILE] IMAGE...}: a {@code docker save} archive ({@code docker load} reads it) or,
 * with {@code --format oci}, an OCI archive. A file is written beside its final name and renamed into place.
 */
@Command(name = "save", description = "Save one or more images to a tar archive (streamed to STDOUT by default).",
        mixinStandardHelpOptions = true)
class SaveCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to a file instead of STDOUT.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "docker",
            description = "Archive format: docker (default; readable by docker load) or oci.")
    String format;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> images;

    @Override
    public Integer call() throws IOException {
        SaveFormat archiveFormat = switch (format.toLowerCase(Locale.ROOT)) {
            case "docker", "docker-archive" -> SaveFormat.DOCKER;
            case "oci", "oci-archive" -> SaveFormat.OCI;
            default -> throw new InvalidInputException(Diagnostic.error("--format", SourceRange.columns(1, 1, 2),
                    "unknown archive format \"" + format + "\"").withHint("use docker or oci"), null);
        };
        try (Berth store = berth.open()) {
            if (output == null) {
                if (System.console() != null && System.console().isTerminal()) {
                    throw new StoreException("cowardly refusing to save to a terminal. Use the -o flag or redirect");
                }
                OutputStream stdout = new FileOutputStream(FileDescriptor.out);
                store.save(images, archiveFormat, stdout);
                stdout.flush();
                return 0;
            }
            Path target = output.toAbsolutePath();
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    store.save(images, archiveFormat, out);
                }
                // createTempFile makes the file private; an archive is as readable as docker save leaves it.
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        return 0;
    }
}
