package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several processes and several threads write and tag at once while a collector keeps running. */
@Timeout(60)
class ConcurrentWritersTest {

    static final int PROCESSES = 3;
    static final int THREADS = 4;
    static final int IMAGES_EACH = 12;

    @TempDir
    Path root;

    @Test
    void everyTagWrittenIsPresentAndEveryBlobVerifies() throws Exception {
        Map<String, Digest> expected = new ConcurrentHashMap<>();
        AtomicInteger collections = new AtomicInteger();
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            List<WriterProcess> processes = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                processes.add(WriterProcess.start(root, "p" + p, IMAGES_EACH));
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<?> collector = threads.submit(() -> {
                    while (writing.get()) {
                        store.collector().collect(GarbageCollector.Mode.ALL_UNUSED, () -> Set.of());
                        collections.incrementAndGet();
                    }
                    return null;
                });
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    writers.add(threads.submit(() -> {
                        Random random = new Random(thread);
                        for (int i = 0; i < IMAGES_EACH; i++) {
                            String name = "example.com/thread" + thread + ":" + i;
                            expected.put(name, StoreWriterMain.writeImage(store, random, 1 + random.nextInt(64 * 1024), name).digest());
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get();
                }
                for (WriterProcess process : processes) {
                    assertThat(process.awaitExit(50)).isZero();
                    expected.putAll(process.tagged());
                }
                writing.set(false);
                collector.get();
            }

            assertThat(expected).hasSize((PROCESSES + THREADS) * IMAGES_EACH);
            StoreChecks.assertConsistent(root);
            StoreChecks.assertTagsPresent(store, new HashMap<>(expected));
            assertThat(store.images().list()).hasSize(expected.size());
            assertThat(StoreChecks.ingestFiles(root)).isEmpty();
            assertThat(collections.get()).isPositive();
        }
    }
}
