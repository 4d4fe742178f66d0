package dev.berth.dockerfile.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's time.ParseDuration, as HEALTHCHECK flags are read. */
class GoDurationTest {

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
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
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
        assertThatIllegalArgumentException().isThrownBy(() -> GoDuration.parse(text)).withMessage(message);
    }
}
