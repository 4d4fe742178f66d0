package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.error.StoreException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth export [-o FILE] CONTAINER}: the container's root file system as a tar, to stdout (never a
 * terminal, as Docker refuses it) or to {@code FILE}, written aside and renamed so a failed export leaves none.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a container's filesystem as a tar archive.")
class ExportCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to a file, instead of STDOUT.")
    Path output;

    @Parameters(index = "0", paramLabel = "CONTAINER", description = "The container's name or ID.")
    String container;

    @Override
    public Integer call() throws IOException {
        try (Berth store = berth.open()) {
            if (output == null) {
                if (System.console() != null && System.console().isTerminal()) {
                    throw new StoreException("cowardly refusing to save to a terminal. Use the -o flag or redirect");
                }
                OutputStream stdout = new FileOutputStream(FileDescriptor.out);
                store.containers().export(container, stdout);
                stdout.flush();
                return 0;
            }
            Path target = output.toAbsolutePath();
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    store.containers().export(container, out);
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return 0;
        }
    }
}
