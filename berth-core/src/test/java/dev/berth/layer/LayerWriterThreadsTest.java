package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Compression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The writer hashes and writes on a second thread, yet a pipe read by another thread must see a
 * live writer to the end: {@code PipedInputStream} fails a read ("Write end dead") once the last
 * thread that wrote has ended and the pipe is not closed. Regression: TreeCopier's pipe failed so.
 */
class LayerWriterThreadsTest {

    @Test
    void aPipeReadOnAnotherThreadGetsTheWholeLayerEveryTime() throws Exception {
        List<LayerEntry> entries = List.of(
                LayerEntry.directory("d", 0755, Instant.EPOCH),
                LayerEntry.file("d/big", 0644, Instant.EPOCH, new byte[3 << 20]),
                LayerEntry.file("d/small", 0644, Instant.EPOCH, new byte[10]));
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        LayerWriter.of(Compression.NONE, Optional.empty()).write(entries, reference);

        for (int round = 0; round < 40; round++) {
            PipedInputStream in = new PipedInputStream(64 * 1024);
            PipedOutputStream out = new PipedOutputStream(in);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = Thread.ofVirtual().start(() -> {
                try (out) {
                    LayerWriter.of(Compression.NONE, Optional.empty()).write(entries, out);
                    // The caller may take its time before closing: the pipe must not fail meanwhile.
                    Thread.sleep(5);
                } catch (IOException | InterruptedException | RuntimeException e) {
                    failure.set(e);
                }
            });
            byte[] read = in.readAllBytes();
            writer.join();

            assertThat(failure.get()).isNull();
            assertThat(read).isEqualTo(reference.toByteArray());
        }
    }
}
