package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestSweeperTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path ingest;

    private final IngestSweeper sweeper = new IngestSweeper(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));

    @Test
    void fileOfADeadProcessIsSweptWhateverItsAge() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path left = file(new TempFileOwner(finished.pid(), startMillis(finished)).newFileName("blob", new SecureRandom()), NOW);

        assertThat(sweeper.sweep(ingest)).containsExactly(left);
        assertThat(left).doesNotExist();
    }

    @Test
    void fileOfALiveProcessIsKeptHoweverOld() throws IOException {
        Path live = file(TempFileOwner.currentProcess().newFileName("blob", new SecureRandom()), NOW.minus(Duration.ofDays(30)));

        assertThat(sweeper.sweep(ingest)).isEmpty();
        assertThat(live).exists();
    }

    @Test
    void recycledPidIsNotTheOwner() throws IOException {
        TempFileOwner self = TempFileOwner.currentProcess();
        Path earlierLife = file(new TempFileOwner(self.pid(), self.startMillis() - 60_000).newFileName("index", new SecureRandom()), NOW);

        assertThat(sweeper.sweep(ingest)).containsExactly(earlierLife);
    }

    @Test
    void foreignFileIsSweptOnlyAfterTheGracePeriod() throws IOException {
        Path old = file("upload-1", NOW.minus(Duration.ofMinutes(61)));
        Path recent = file("upload-2", NOW.minus(Duration.ofMinutes(59)));

        assertThat(sweeper.sweep(ingest)).containsExactly(old);
        assertThat(recent).exists();
    }

    @Test
    void missingDirectorySweepsNothing() {
        assertThat(sweeper.sweep(ingest.resolve("absent"))).isEmpty();
    }

    private Path file(String name, Instant modified) throws IOException {
        Path file = Files.writeString(ingest.resolve(name), "partial");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private static long startMillis(Process process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
