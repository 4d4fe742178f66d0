package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerPhaseTest {

    private static final Instant NOW = Instant.parse("2026-01-02T15:04:05Z");

    @ParameterizedTest(name = "{0} s: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0        | Less than a second
            1        | 1 second
            5        | 5 seconds
            59       | 59 seconds
            60       | About a minute
            119      | About a minute
            120      | 2 minutes
            3599     | 59 minutes
            3600     | About an hour
            5399     | About an hour
            5400     | 2 hours
            169200   | 47 hours
            172800   | 2 days
            1206000  | 13 days
            1209600  | 2 weeks
            5180400  | 8 weeks
            5184000  | 2 months
            63068400 | 24 months
            63072000 | 2 years
            """)
    void durationsAreWordedAsDockersHumanDuration(long seconds, String words) {
        assertThat(HumanDuration.of(Duration.ofSeconds(seconds))).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            created        | Created
            running 5      | Up 5 seconds
            running 90     | Up About a minute
            paused 7200    | Up 2 hours (Paused)
            exited 0 3     | Exited (0) 3 seconds ago
            exited 137 600 | Exited (137) 10 minutes ago
            exited 1 0     | Exited (1) Less than a second ago
            restarting 3 5 | Restarting (3) 5 seconds ago
            """)
    void statusTextsAreDockers(String phase, String status) {
        assertThat(phase(phase).status(NOW)).isEqualTo(status);
    }

    @Test
    void aClockBehindTheStartIsLessThanASecond() {
        assertThat(new ContainerPhase.Running(1, NOW.plusSeconds(3), false).status(NOW)).isEqualTo("Up Less than a second");
    }

    @Test
    void statesAreDockersWords() {
        assertThat(phase("created").state()).isEqualTo("created");
        assertThat(phase("running 1").state()).isEqualTo("running");
        assertThat(phase("paused 1").state()).isEqualTo("paused");
        assertThat(phase("exited 0 1").state()).isEqualTo("exited");
        assertThat(phase("paused 1").isRunning()).isTrue();
        assertThat(phase("exited 0 1").isRunning()).isFalse();
        assertThat(phase("restarting 3 1").state()).isEqualTo("restarting");
        assertThat(phase("restarting 3 1").isRunning()).as("no process while the delay runs").isFalse();
        assertThat(phase("restarting 3 1").isListed()).isTrue();
        assertThat(phase("exited 0 1").isListed()).isFalse();
    }

    private static ContainerPhase phase(String text) {
        String[] words = text.split(" ");
        return switch (words[0]) {
            case "created" -> new ContainerPhase.Created();
            case "running" -> new ContainerPhase.Running(42, NOW.minusSeconds(Long.parseLong(words[1])), false);
            case "paused" -> new ContainerPhase.Running(42, NOW.minusSeconds(Long.parseLong(words[1])), true);
            case "restarting" -> new ContainerPhase.Restarting(Integer.parseInt(words[1]),
                    NOW.minusSeconds(Long.parseLong(words[2])));
            default -> new ContainerPhase.Exited(Integer.parseInt(words[1]), NOW.minusSeconds(Long.parseLong(words[2])));
        };
    }
}
