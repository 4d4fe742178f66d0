package dev.berth.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A read-only view of a file system made of layers, mounted from their committed snapshots until closed: what
 * {@code COPY --from} and {@code RUN --mount from=} read instead of an extracted copy.
 *
 * @param root where the view is mounted
 * @param release unmounts it and removes what it holds; called once, by {@link #close}
 */
public record RootfsView(Path root, Runnable release) implements AutoCloseable {

    public RootfsView {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(release, "release");
    }

    @Override
    public void close() {
        release.run();
    }
}
