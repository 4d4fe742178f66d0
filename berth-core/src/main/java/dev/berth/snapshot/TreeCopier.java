package dev.berth.snapshot;

import dev.berth.error.StoreException;
import dev.berth.image.Compression;
import dev.berth.layer.DirectoryEntries;
import dev.berth.layer.LayerExtractor;
import dev.berth.layer.LayerWriter;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import dev.berth.layer.LayerEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Copies a tree with everything a layer keeps (owners, modes, times to the second, xattrs, devices,
 * hardlinks, symlinks as written) by streaming it through the layer writer into the extractor: the same
 * safe code that applies pulled layers, with no tar on disk.
 */
record TreeCopier(LayerExtractor extractor) {

    void copy(Path from, Path to) {
        apply(DirectoryEntries.of(from), "copy of " + from, to);
    }

    /** Applies {@code entries} (sorted, OCI whiteouts deleting) onto {@code to}. */
    void apply(List<LayerEntry> entries, String name, Path to) {
        LayerWriter writer = new LayerWriter(Compression.NONE, 0, 1, Optional.empty());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor();
                PipedInputStream in = new PipedInputStream(256 * 1024)) {
            PipedOutputStream out = new PipedOutputStream(in);
            Future<?> writing = threads.submit(() -> {
                try (out) {
                    writer.write(entries, out);
                }
                return null;
            });
            extractor.extract(name, in, to);
            writing.get();
        } catch (IOException e) {
            throw new StoreException("applying " + name + " to " + to + ": " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new StoreException("applying " + name + " to " + to + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("applying " + name + " to " + to + ": interrupted", e);
        }
    }
}
