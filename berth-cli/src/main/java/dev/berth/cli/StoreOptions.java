package dev.berth.cli;

import dev.berth.error.StoreException;
import dev.berth.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --root} option shared by commands that use the local store, and the root it resolves to. */
final class StoreOptions {

    @Option(names = "--root", paramLabel = "DIR",
            description = "Store root (default: $BERTH_ROOT, /var/lib/berth for root, else $XDG_DATA_HOME/berth).")
    Path root;

    StoreLayout layout(Map<String, String> environment) {
        return StoreLayout.resolve(Optional.ofNullable(root), environment, effectiveUid());
    }

    /** The owner of {@code /proc/self} is the process's effective uid. */
    private static long effectiveUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            throw new StoreException("finding the user id to choose a store root: " + e.getMessage(), e);
        }
    }
}
