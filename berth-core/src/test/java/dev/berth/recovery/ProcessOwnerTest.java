package dev.berth.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProcessOwnerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain name           | 4242 (java) S 1 4242 4242 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 30 0 987654 1 2 3 | 987654
            spaces in the name   | 7 (Web Content) R 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 12 1 2             | 12
            parens in the name   | 9 (a) b (c)) S 1 9 9 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 31337 5 6              | 31337
            """)
    void readsTheStartTimeAfterTheLastParenthesis(String what, String stat, long expected) {
        assertThat(ProcessOwner.startTicks(stat)).isEqualTo(expected);
    }

    @Test
    void aTruncatedStatLineIsRefused() {
        assertThatThrownBy(() -> ProcessOwner.startTicks("1 (x) S 1 2 3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a /proc/PID/stat line with 6 fields");
    }

    @Test
    void thisProcessIsAlive() {
        ProcessOwner self = ProcessOwner.current();

        assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(self.bootId()).matches("[0-9a-f-]{36}");
        assertThat(self.isAlive()).isTrue();
    }

    @Test
    void aReusedPidOrAnotherBootIsNotTheOwner() {
        ProcessOwner self = ProcessOwner.current();

        assertThat(new ProcessOwner(self.pid(), self.startTicks() + 1, self.bootId()).isAlive()).isFalse();
        assertThat(new ProcessOwner(self.pid(), self.startTicks(), "00000000-0000-0000-0000-000000000000").isAlive()).isFalse();
    }

    @Test
    void aProcessThatExitedIsDead() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        ProcessOwner owner = ProcessOwner.running(child.pid()).orElseThrow();
        assertThat(owner.isAlive()).isTrue();

        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(owner.isAlive()).isFalse();
    }
}
