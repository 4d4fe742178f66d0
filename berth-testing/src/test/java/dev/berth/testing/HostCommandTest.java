package dev.berth.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCommandTest {

    @Test
    void capturesBothStreamsAndTheExitCode() {
        CommandResult result = HostCommand.of("sh", "-c", "echo out; echo err >&2; exit 4").run();

        assertThat(result).isEqualTo(new CommandResult(List.of("sh", "-c", "echo out; echo err >&2; exit 4"),
                4, "out\n", "err\n"));
    }

    @Test
    void addsEnvironmentAndWorkingDirectory(@TempDir Path dir) {
        CommandResult result = HostCommand.of("sh", "-c", "echo $BERTH_X; pwd")
                .withEnvironment(Map.of("BERTH_X", "forty-two")).inDirectory(dir).run();

        assertThat(result.orThrow().stdout()).isEqualTo("forty-two\n" + dir + "\n");
    }

    @Test
    void aFailedCommandNamesItselfItsStatusAndStderr() {
        assertThatIllegalStateException()
                .isThrownBy(() -> HostCommand.of("sh", "-c", "echo nope >&2; exit 2").run().orThrow())
                .withMessage("`sh -c echo nope >&2; exit 2` exited with 2%nstdout: %nstderr: nope".formatted());
    }

    @Test
    void killsACommandThatOutlivesItsLimit() {
        long start = System.nanoTime();

        assertThatIllegalStateException()
                .isThrownBy(() -> HostCommand.of("sleep", "30").withTimeout(Duration.ofMillis(200)).run())
                .withMessage("`sleep 30` did not finish within PT0.2S");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
