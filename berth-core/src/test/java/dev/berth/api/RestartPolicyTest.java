package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --restart} and the {@code --health-*} flags as Docker's client and daemon read and refuse them. */
class RestartPolicyTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ''               | no             | 0
            no               | no             | 0
            always           | always         | 0
            unless-stopped   | unless-stopped | 0
            on-failure       | on-failure     | 0
            on-failure:2     | on-failure     | 2
            on-failure:      | on-failure     | 0
            always:0         | always         | 0
            """)
    void dockersSyntaxIsRead(String text, String name, int max) {
        RestartPolicy policy = RestartPolicy.parse(text);
        assertThat(policy.name()).isEqualTo(name);
        assertThat(policy.maximumRetryCount()).isEqualTo(max);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            :3             | invalid restart policy format: no policy provided before colon
            on-failure:x   | invalid restart policy format: maximum retry count must be an integer
            always:3       | invalid restart policy: maximum retry count can only be used with 'on-failure'
            no:-1          | invalid restart policy: maximum retry count can only be used with 'on-failure' and cannot be negative
            on-failure:-1  | invalid restart policy: maximum retry count cannot be negative
            sometimes      | invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'
            """)
    void whatDockerRefusesIsRefusedWithItsWords(String text, String message) {
        assertThatThrownBy(() -> RestartPolicy.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            interval       | --health-interval cannot be negative
            timeout        | --health-timeout cannot be negative
            startPeriod    | --health-start-period cannot be negative
            startInterval  | --health-start-interval cannot be negative
            retries        | --health-retries cannot be negative
            tiny           | Interval in Healthcheck cannot be less than 1ms
            conflict       | --no-healthcheck conflicts with --health-* options
            """)
    void badHealthFlagsAreRefusedWithDockersWords(String which, String message) {
        Optional<Duration> negative = Optional.of(Duration.ofSeconds(-1));
        Optional<Duration> none = Optional.empty();
        assertThatThrownBy(() -> {
            HealthOverride made = switch (which) {
            case "interval" -> new HealthOverride(Optional.empty(), negative, none, OptionalInt.empty(), none, none, false);
            case "timeout" -> new HealthOverride(Optional.empty(), none, negative, OptionalInt.empty(), none, none, false);
            case "startPeriod" -> new HealthOverride(Optional.empty(), none, none, OptionalInt.empty(), negative, none, false);
            case "startInterval" -> new HealthOverride(Optional.empty(), none, none, OptionalInt.empty(), none, negative, false);
            case "retries" -> new HealthOverride(Optional.empty(), none, none, OptionalInt.of(-1), none, none, false);
            case "tiny" -> new HealthOverride(Optional.empty(), Optional.of(Duration.ofNanos(10)), none,
                    OptionalInt.empty(), none, none, false);
            default -> new HealthOverride(Optional.of(List.of("CMD", "true")), none, none, OptionalInt.empty(), none,
                    none, true);
            };
        }).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1s      | 1000
            1m30s   | 90000
            500ms   | 500
            0       | 0
            """)
    void healthDurationsAreGoDurations(String text, long millis) {
        assertThat(HealthOverride.parseDuration(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @org.junit.jupiter.api.Test
    void hostOptionsKeepTheirOldShapeAndDefaultToNoHealthFlagsAndNoRestart() {
        HostOptions defaults = HostOptions.defaults();
        assertThat(defaults.health()).isEmpty();
        assertThat(defaults.restart()).isEqualTo(new RestartPolicy.No());
        HostOptions asked = defaults.withRestart(RestartPolicy.parse("on-failure:2"))
                .withHealth(Optional.of(HealthOverride.none().withShellCommand("test -f /tmp/ok")))
                .withInit(true);
        assertThat(asked.restart()).isEqualTo(new RestartPolicy.OnFailure(OptionalInt.of(2)));
        assertThat(asked.health().orElseThrow().test()).contains(List.of("CMD-SHELL", "test -f /tmp/ok"));
        assertThat(asked.init()).isTrue();
    }
}
