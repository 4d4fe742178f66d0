package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.StoreException;
import dev.berth.image.Compression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Regression: a layer that failed midway left the parallel gzip compressor's worker threads running. */
class LayerWriterFailureCleanupTest {

    @Test
    void aFailingEntryLeavesNoGzipWorkerRunning() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<LayerEntry> entries = List.of(
                // Several gzip blocks, so the compressor has started its workers before the failure.
                LayerEntry.file("a", 0644, Instant.EPOCH, new byte[4 << 20]),
                LayerEntry.file("b", 0644, Instant.EPOCH, 10, () -> new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("unreadable");
                    }
                }));
        LayerWriter writer = new LayerWriter(Compression.GZIP, 6, 2, Optional.empty());

        assertThatThrownBy(() -> writer.write(entries, new ByteArrayOutputStream()))
                .isInstanceOf(StoreException.class).hasMessageContaining("writing layer entry b");

        // shutdownNow ends the workers soon, not at once.
        long deadline = System.nanoTime() + 5_000_000_000L;
        Set<String> alive = newGzipWorkers(before);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            alive = newGzipWorkers(before);
        }
        assertThat(alive).isEmpty();
    }

    private static Set<String> newGzipWorkers(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.getName().startsWith("berth-gzip-") && thread.isAlive())
                .map(Thread::getName).collect(Collectors.toSet());
    }
}
