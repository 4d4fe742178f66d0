package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.ContainerPruneFilter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerPruneFlagsTest {

    private static final Instant NOW = Instant.parse("2026-01-02T12:00:00Z");

    @ParameterizedTest(name = "until={0}")
    @CsvSource({
            "24h, 2026-01-01T12:00:00Z",
            "1h30m, 2026-01-02T10:30:00Z",
            "90s, 2026-01-02T11:58:30Z",
            "1.5h, 2026-01-02T10:30:00Z",
            "2026-01-01T00:00:00Z, 2026-01-01T00:00:00Z",
            "2026-01-01T01:00:00+01:00, 2026-01-01T00:00:00Z",
            "1767225600, 2026-01-01T00:00:00Z"})
    void readsUntilAsDockerDoes(String value, String expected) {
        assertThat(ContainerPruneFlags.time(value, NOW)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "until=yesterday | failed to parse value as time or duration: \"yesterday\"",
            "color=red | invalid filter 'color'",
            "until!=1h | invalid filter 'until'",
            "label | bad format of filter (expected name=value)"})
    void refusesWhatDockerRefuses(String filter, String message) {
        assertThatThrownBy(() -> ContainerPruneFlags.parse(List.of(filter), NOW)).hasMessage(message);
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "label=keep | keep=yes | true",
            "label=keep | other=1 | false",
            "label=keep=yes | keep=yes | true",
            "label=keep=no | keep=yes | false",
            "label!=keep | keep=yes | false",
            "label!=keep | other=1 | true",
            "label!=keep=no | keep=yes | true",
            "until=1h | keep=yes | true",
            "until=3h | keep=yes | false"})
    void prunesWhatTheFilterLetsThrough(String filter, String label, boolean pruned) {
        ContainerPruneFilter parsed = ContainerPruneFlags.parse(List.of(filter), NOW);
        String[] pair = label.split("=");
        // Created two hours ago.
        assertThat(parsed.prunes(NOW.minusSeconds(7200), Map.of(pair[0], pair[1]))).isEqualTo(pruned);
    }
}
