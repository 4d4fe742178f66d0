package dev.berth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another JVM marking itself in the users file keeps the engine's owner from stopping it, until it exits. */
class EngineUsersTest {

    private static final String OTHER_JVM = """
            import java.nio.channels.FileChannel;
            import java.nio.file.*;
            class Other {
                public static void main(String[] args) throws Exception {
                    var channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    channel.lock(ProcessHandle.current().pid(), 1, false);
                    System.out.println("marked");
                    Thread.sleep(60_000);
                }
            }
            """;

    @Test
    void seesAnotherJvmOnlyWhileItLives(@TempDir Path dir) throws IOException, InterruptedException {
        Path lockFile = dir.resolve("users.lock");
        Path source = Files.writeString(dir.resolve("Other.java"), OTHER_JVM);
        String java = ProcessHandle.current().info().command().orElseThrow();

        try (var self = EngineUsers.register(lockFile)) {
            boolean alone = self.othersPresent();
            Process other = new ProcessBuilder(java, source.toString(), lockFile.toString()).redirectErrorStream(true).start();
            try {
                String said = new BufferedReader(new InputStreamReader(other.getInputStream())).readLine();
                boolean withOther = self.othersPresent();
                other.destroyForcibly().waitFor();
                boolean afterOther = self.othersPresent();

                assertThat(said).isEqualTo("marked");
                assertThat(alone).isFalse();
                assertThat(withOther).isTrue();
                assertThat(afterOther).isFalse();
            } finally {
                other.destroyForcibly();
            }
        }
    }

    @Test
    void registeringTwiceInOneJvmIsHarmless(@TempDir Path dir) {
        try (var first = EngineUsers.register(dir.resolve("users.lock"));
             var second = EngineUsers.register(dir.resolve("users.lock"))) {
            assertThat(first.othersPresent()).isFalse();
            assertThat(second.othersPresent()).isFalse();
        }
    }
}
