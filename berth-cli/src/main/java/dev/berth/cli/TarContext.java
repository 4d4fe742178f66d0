package dev.berth.cli;

import dev.berth.error.StoreException;
import dev.berth.layer.ExtractOptions;
import dev.berth.layer.LayerExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** {@code berth build -}: the context arrives as a tar on stdin and is unpacked into a temporary directory. */
final class TarContext {

    private TarContext() {
    }

    static Path extract(InputStream tar) {
        try {
            Path directory = Files.createTempDirectory("berth-context-");
            new LayerExtractor(ExtractOptions.defaults(false)).extract("the context on stdin", tar, directory);
            return directory;
        } catch (IOException e) {
            throw new StoreException("unpacking the build context from stdin", e);
        }
    }

    static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new StoreException("removing the unpacked context " + directory, e);
        }
    }
}
