package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes are killed with SIGKILL at random moments, two at a time on one store: two writers, or (every
 * other round) a writer and a garbage collector. After every round the store must read as consistent and
 * keep every tag a writer reported; reopening sweeps the leftovers. After the last round no one reopens:
 * the next writer must succeed and clean up itself.
 */
@Timeout(120)
class CrashRecoveryTest {

    static final int ROUNDS = 10;

    @TempDir
    Path root;

    @Test
    void killedWritersLeaveAReadableStoreThatTheNextWriterCleans() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<String, Digest> durable = new HashMap<>();
        int roundsWithLeftovers = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<WriterProcess> processes = List.of(
                    WriterProcess.start(root, "r" + round + "a", -1),
                    round % 2 == 0 ? WriterProcess.start(root, "r" + round + "b", -1) : WriterProcess.startCollector(root));
            for (WriterProcess process : processes) {
                assertThat(process.awaitWorking(30)).as("process started (seed %d)", seed).isTrue();
            }
            Thread.sleep(random.nextInt(200));
            for (WriterProcess process : processes) {
                process.kill();
                durable.putAll(process.tagged());
            }
            roundsWithLeftovers += StoreChecks.ingestFiles(root).isEmpty() ? 0 : 1;

            StoreChecks.assertConsistent(root);
            if (round < ROUNDS - 1) {
                try (LocalStore reopened = LocalStore.open(new StoreLayout(root))) {
                    assertThat(StoreChecks.ingestFiles(root)).as("ingest/ after reopening (seed %d)", seed).isEmpty();
                    StoreChecks.assertTagsPresent(reopened, durable);
                }
            }
        }
        // The kills must have hit writes in progress, or the test proves nothing about recovery.
        assertThat(roundsWithLeftovers).as("rounds killed mid-write (seed %d)", seed).isPositive();

        WriterProcess next = WriterProcess.start(root, "after", 3);
        assertThat(next.awaitExit(30)).isZero();
        assertThat(next.tagged()).hasSize(3);
        assertThat(StoreChecks.ingestFiles(root)).as("ingest/ after the next writer (seed %d)", seed).isEmpty();
        durable.putAll(next.tagged());
        StoreChecks.assertConsistent(root);
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            StoreChecks.assertTagsPresent(store, durable);
            // A writer may be killed after its tag became durable but before it said so.
            assertThat(store.images().list()).hasSizeGreaterThanOrEqualTo(durable.size());
        }
    }
}
