package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.HealthConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Docker's health state machine ({@code handleProbeResult}), its settling of the healthcheck and its timing. */
class HealthStateTest {

    private static final Instant STARTED = Instant.parse("2026-01-02T15:04:05Z");

    /**
     * Each probe is {@code P} (pass) or {@code F} (fail), one a second from the start; the statuses and streaks after
     * each.
     */
    @ParameterizedTest(name = "{0} (retries {1}, start period {2} s)")
    @CsvSource(delimiter = '|', textBlock = """
            FFF     | 3 | 0  | starting starting unhealthy            | 1 2 3
            FFFP    | 3 | 0  | starting starting unhealthy healthy    | 1 2 3 0
            PF      | 3 | 0  | healthy healthy                        | 0 1
            PFFF    | 3 | 0  | healthy healthy healthy unhealthy      | 0 1 2 3
            F       | 1 | 0  | unhealthy                              | 1
            FFFFF   | 3 | 3  | starting starting starting starting starting | 0 0 0 1 2
            FFFFFF  | 3 | 3  | starting starting starting starting starting unhealthy | 0 0 0 1 2 3
            FFFP    | 3 | 3  | starting starting starting healthy     | 0 0 0 0
            PFFF    | 3 | 10 | healthy healthy healthy unhealthy      | 0 1 2 3
            FFP     | 2 | 0  | starting unhealthy healthy             | 1 2 0
            """)
    void probesStepTheStatusAndStreak(String probes, int retries, int startPeriod, String statuses, String streaks) {
        HealthState state = HealthState.initial();
        List<String> expectedStatuses = List.of(statuses.split(" "));
        List<String> expectedStreaks = List.of(streaks.split(" "));
        for (int i = 0; i < probes.length(); i++) {
            Instant at = STARTED.plusSeconds(i + 1).minusMillis(500);
            var probe = new HealthProbe(at, at.plusMillis(10), probes.charAt(i) == 'P' ? 0 : 1, "");
            state = state.after(probe, STARTED, Duration.ofSeconds(startPeriod), retries);
            assertThat(state.status()).as("status after probe %d", i + 1).isEqualTo(expectedStatuses.get(i));
            assertThat(state.failingStreak()).as("streak after probe %d", i + 1)
                    .isEqualTo(Integer.parseInt(expectedStreaks.get(i)));
        }
    }

    @ParameterizedTest(name = "{0} probes keep {1}")
    @CsvSource({"1, 1", "5, 5", "6, 5", "12, 5"})
    void theLastFiveProbesAreKept(int count, int kept) {
        HealthState state = HealthState.initial();
        for (int i = 0; i < count; i++) {
            Instant at = STARTED.plusSeconds(i);
            state = state.after(new HealthProbe(at, at, 0, "probe " + i), STARTED, Duration.ZERO, 3);
        }
        assertThat(state.log()).hasSize(kept);
        assertThat(state.log().getLast().output()).isEqualTo("probe " + (count - 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            starting  | ' (health: starting)'
            healthy   | ' (healthy)'
            unhealthy | ' (unhealthy)'
            """)
    void psSaysTheStatusAsDockerDoes(String status, String suffix) {
        assertThat(new HealthState(status, 0, List.of()).statusSuffix()).isEqualTo(suffix);
    }

    /** image and run: TEST/INTERVAL_S/RETRIES, '-' for none; the test and values the container keeps. */
    @ParameterizedTest(name = "image {0}, run {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                    | -                    | -
            CMD-SHELL:true/10/5  | -                    | CMD-SHELL:true/10/5
            -                    | CMD-SHELL:ok/1/0     | CMD-SHELL:ok/1/0
            CMD-SHELL:true/10/5  | :/1/0                | CMD-SHELL:true/1/5
            CMD-SHELL:true/10/5  | CMD:probe/0/2        | CMD:probe/10/2
            CMD-SHELL:true/10/5  | NONE/0/0             | -
            NONE/0/0             | -                    | -
            -                    | :/1/0                | -
            """)
    void theRunsHealthcheckIsLaidOverTheImages(String image, String run, String kept) {
        assertThat(HealthChecks.merge(health(image), health(run))).isEqualTo(health(kept));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CMD:test:-f:/tmp/ok | test -f /tmp/ok
            CMD-SHELL:exit 1    | /bin/sh -c exit 1
            """)
    void theTestRunsAsCmdOrThroughTheShell(String test, String command) {
        var config = new HealthConfig(List.of(test.split(":")), 0, 0, 0, 0, 0);
        assertThat(String.join(" ", HealthChecks.command(config))).isEqualTo(command);
    }

    @ParameterizedTest(name = "{0} s after start, {1}: wait {4} ms")
    @CsvSource(delimiter = '|', textBlock = """
            0   | starting  | 0   | 0    | 30000
            0   | starting  | 60  | 0    | 5000
            0   | starting  | 60  | 2000 | 2000
            0   | healthy   | 60  | 2000 | 30000
            61  | starting  | 60  | 2000 | 30000
            """)
    void theStartIntervalAppliesWhileStartingInTheStartPeriod(int after, String status, int startPeriodS,
            int startIntervalMs, long waitMs) {
        var config = new HealthConfig(List.of("CMD", "true"), 0, 0, Duration.ofSeconds(startPeriodS).toNanos(),
                Duration.ofMillis(startIntervalMs).toNanos(), 0);
        assertThat(HealthChecks.nextWait(config, STARTED, STARTED.plusSeconds(after), status))
                .isEqualTo(Duration.ofMillis(waitMs));
    }

    private static Optional<HealthConfig> health(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("/");
        List<String> test = parts[0].equals(":") ? List.of() : List.of(parts[0].split(":"));
        return Optional.of(new HealthConfig(test, Duration.ofSeconds(Integer.parseInt(parts[1])).toNanos(), 0, 0, 0,
                Integer.parseInt(parts[2])));
    }
}
