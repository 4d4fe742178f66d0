package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When conmon's exit command restarts a container, and after how long. */
class RestartRuleTest {

    @ParameterizedTest(name = "{0}:{1}, exit {2} after {3} restarts, stop asked {4}: {5}")
    @CsvSource(textBlock = """
            no,             0, 1, 0, false, false
            always,         0, 0, 0, false, true
            always,         0, 1, 9, false, true
            always,         0, 1, 0, true,  false
            unless-stopped, 0, 0, 3, false, true
            unless-stopped, 0, 0, 3, true,  false
            on-failure,     0, 0, 0, false, false
            on-failure,     0, 3, 99, false, true
            on-failure,     2, 3, 0, false, true
            on-failure,     2, 3, 1, false, true
            on-failure,     2, 3, 2, false, false
            on-failure,     2, 137, 0, true, false
            """)
    void thePolicyDecides(String name, int max, int exitCode, int restarts, boolean stopRequested, boolean restart) {
        assertThat(new RestartRule(name, max).shouldRestart(exitCode, restarts, stopRequested)).isEqualTo(restart);
    }

    @ParameterizedTest(name = "after {0} restarts and a {1} ms run: {2} ms")
    @CsvSource(textBlock = """
            0,  0,     100
            1,  0,     200
            3,  500,   800
            9,  0,     51200
            10, 0,     60000
            40, 0,     60000
            5,  10000, 100
            """)
    void theDelayDoublesUpToAMinuteAndResetsAfterASteadyRun(int restarts, long ranMs, long delayMs) {
        assertThat(RestartRule.delay(restarts, Duration.ofMillis(ranMs))).isEqualTo(Duration.ofMillis(delayMs));
    }

    @org.junit.jupiter.api.Test
    void removeOnExitWithARestartPolicyIsDockersConflict() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DetachOptions(java.util.Optional.empty(),
                java.util.Map.of(), true, java.util.OptionalLong.empty(), java.util.Optional.empty(),
                new RestartRule("always", 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Conflicting options: --restart and --rm");
    }
}
