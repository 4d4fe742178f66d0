package dev.berth.container;

import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code restarting} file in a container's directory: there while its exit command waits out the restart
 * policy's delay, so {@code ps} and {@code inspect} in any process show Docker's {@code Restarting} state. It is
 * believed only while the container's conmon runs (conmon waits for its exit command): a mark a killed exit command
 * left behind is no restart, and the next start or mark replaces it.
 */
final class RestartMark {

    static final String FILE = "restarting";

    private RestartMark() {
    }

    static boolean isMarked(ContainerDirectory directory) {
        return Files.exists(file(directory));
    }

    static void mark(ContainerDirectory directory) {
        try {
            Files.writeString(file(directory), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new StoreException("marking container " + directory.path().getFileName() + " as restarting: "
                    + e.getMessage(), e);
        }
    }

    static void clear(ContainerDirectory directory) {
        try {
            Files.deleteIfExists(file(directory));
        } catch (IOException e) {
            throw new StoreException("clearing the restart mark of container " + directory.path().getFileName()
                    + ": " + e.getMessage(), e);
        }
    }

    private static Path file(ContainerDirectory directory) {
        return directory.path().resolve(FILE);
    }
}
