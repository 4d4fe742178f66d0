package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store on a full file system (a 4 MiB tmpfs): a blob that does not fit fails with an error that names
 * the file and the cause, through the O_DIRECT path and the page-cache path alike, and nothing is kept.
 */
class FullDiskIT {

    @TempDir
    Path directory;

    private Path mountPoint;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        mountPoint = Files.createDirectory(directory.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint.toString()) == 0,
                "mounting a tmpfs needs CAP_SYS_ADMIN");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", mountPoint.toString());
    }

    @Test
    void aBlobThatDoesNotFitFailsWithTheCauseAndLeavesNothing() throws IOException {
        byte[] content = new byte[8 << 20];
        new SplittableRandom(8).nextBytes(content);
        try (LocalStore store = LocalStore.open(new StoreLayout(mountPoint.resolve("store")))) {
            assertThatThrownBy(() -> {
                try (Ingester ingester = store.content().ingest()) {
                    ingester.stream().write(content);
                    ingester.commit(Optional.empty());
                }
            }).isInstanceOf(StoreException.class)
                    .hasMessageContaining(mountPoint.resolve("store/ingest").toString())
                    .hasMessageContaining("No space left on device");

            try (var files = Files.list(mountPoint.resolve("store/ingest"))) {
                assertThat(files).isEmpty();
            }
            assertThat(store.content().list()).isEmpty();
            // The space is given back: a small blob still goes in.
            try (Ingester ingester = store.content().ingest()) {
                ingester.stream().write(new byte[] {1, 2, 3});
                assertThat(ingester.commit(Optional.empty()).size()).isEqualTo(3);
            }
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
