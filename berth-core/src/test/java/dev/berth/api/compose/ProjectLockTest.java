package dev.berth.api.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code up} runs on one project take turns: the second holds the lock only once the first let it go. */
class ProjectLockTest {

    @TempDir
    Path directory;

    @Test
    void aSecondHolderInTheSameProcessWaitsForTheFirst() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Thread second;
        try (ProjectLock first = ProjectLock.acquire(directory, "p")) {
            second = Thread.ofVirtual().start(() -> {
                try (ProjectLock lock = ProjectLock.acquire(directory, "p")) {
                    order.add("second holds");
                }
            });
            Thread.sleep(300);
            order.add("first releases");
        }
        second.join();

        assertThat(order).containsExactly("first releases", "second holds");
    }

    @Test
    void projectsLockApart() {
        try (ProjectLock one = ProjectLock.acquire(directory, "one");
                ProjectLock two = ProjectLock.acquire(directory, "two")) {
            assertThat(directory.resolve("one.lock")).exists();
            assertThat(directory.resolve("two.lock")).exists();
        }
    }
}
