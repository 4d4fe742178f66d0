package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.HealthConfig;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HEALTHCHECK history text is Go's {@code %q} of the health config. Regression: the engine had its own copies of
 * {@code strconv.QuoteRune} and {@code Duration.String}, which printed {@code '\x0a'} for 10 retries (Go:
 * {@code '\n'}) and {@code 1500µs} for 1.5 ms (Go: {@code 1.5ms}); it now uses {@code dev.berth.golang}.
 */
class HealthHistoryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "30000000000 | 3  | &{[\"CMD\" \"true\"] \"30s\" \"0s\" \"0s\" \"0s\" '\\x03'}",
        "1500000     | 10 | &{[\"CMD\" \"true\"] \"1.5ms\" \"0s\" \"0s\" \"0s\" '\\n'}",
        "90000000000 | 39 | &{[\"CMD\" \"true\"] \"1m30s\" \"0s\" \"0s\" \"0s\" '\\''}",
        "0           | 233 | &{[\"CMD\" \"true\"] \"0s\" \"0s\" \"0s\" \"0s\" 'é'}",
    })
    void historyTextIsGoFormatting(long intervalNanos, int retries, String expected) {
        HealthConfig health = new HealthConfig(List.of("CMD", "true"), intervalNanos, 0, 0, 0, retries);

        assertThat(HealthHistory.format(health)).isEqualTo(expected);
    }
}
