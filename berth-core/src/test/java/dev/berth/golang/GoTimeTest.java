package dev.berth.golang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code time.Time} JSON and {@code time.Duration} text; expected values are Go's. */
class GoTimeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-02T03:04:05Z           | 2024-01-02T03:04:05Z
            2024-01-02T03:04:05.120Z       | 2024-01-02T03:04:05.12Z
            2024-01-02T03:04:05.000000001Z | 2024-01-02T03:04:05.000000001Z
            0000-01-01T00:00:00Z           | 0000-01-01T00:00:00Z
            9999-12-31T23:59:59.999999999Z | 9999-12-31T23:59:59.999999999Z
            """)
    void formatsTimesAsRfc3339Nano(String instant, String text) {
        assertThat(GoTime.formatTime(Instant.parse(instant))).isEqualTo(text);
        assertThat(GoTime.parseTime(text)).contains(Instant.parse(instant));
    }

    @Test
    void readsOffsetsAndRejectsWhatGoCannotRoundTrip() {
        assertThat(GoTime.parseTime("2024-01-02T03:04:05+01:00")).contains(Instant.parse("2024-01-02T02:04:05Z"));
        assertThat(GoTime.parseTime("2024-01-02 03:04:05Z")).isEmpty();
        assertThat(GoTime.parseTime("2024-01-02T03:04:05")).isEmpty();
        assertThat(GoTime.parseTime("0000-01-01T00:00:00+01:00")).isEqualTo(Optional.empty());
        assertThat(GoTime.representable(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
    }

    @ParameterizedTest(name = "{0} = {1}ns")
    @CsvSource(delimiter = '|', textBlock = """
            0         | 0
            +0        | 0
            30s       | 30000000000
            1m30s     | 90000000000
            1h        | 3600000000000
            1.5s      | 1500000000
            .5ms      | 500000
            2us       | 2000
            2µs       | 2000
            7ns       | 7
            -1s       | -1000000000
            1h2m3s4ms | 3723004000000
            """)
    void parsesGoDurations(String text, long nanos) {
        assertThat(GoTime.parseDuration(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''     | time: invalid duration ""
            -      | time: invalid duration "-"
            s      | time: invalid duration "s"
            1      | time: missing unit in duration "1"
            1.2.3s | time: invalid duration "1.2.3s"
            5 s    | time: unknown unit " s" in duration "5 s"
            3d     | time: unknown unit "d" in duration "3d"
            1s2    | time: missing unit in duration "1s2"
            """)
    void rejectsWithGosMessage(String text, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> GoTime.parseDuration(text)).withMessage(message);
    }

    /** Go's own table for {@code Duration.String} (time_test.go), plus the values HEALTHCHECK defaults to. */
    @ParameterizedTest(name = "{0}ns -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0                    | 0s
            1                    | 1ns
            1100                 | 1.1µs
            2200000              | 2.2ms
            3300000000           | 3.3s
            245000000000         | 4m5s
            245001000000         | 4m5.001s
            18367001000000       | 5h6m7.001s
            480000000001         | 8m0.000000001s
            9223372036854775807  | 2562047h47m16.854775807s
            -9223372036854775808 | -2562047h47m16.854775808s
            30000000000          | 30s
            3600000000000        | 1h0m0s
            1500                 | 1.5µs
            -1500000             | -1.5ms
            999999999            | 999.999999ms
            """)
    void printsAsDurationString(long nanos, String text) {
        assertThat(GoTime.durationString(nanos)).isEqualTo(text);
    }
}
