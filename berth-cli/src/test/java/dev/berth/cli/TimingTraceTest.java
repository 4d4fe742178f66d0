package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.event.BuildEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimingTraceTest {

    @ParameterizedTest
    @CsvSource({"'', false", "0, false", "1, true", "yes, true"})
    void theEnvironmentVariableTurnsItOn(String value, boolean enabled) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = value.isEmpty() ? Map.of() : Map.of("BERTH_TRACE_TIMING", value);
        TimingTrace trace = TimingTrace.of(environment, new PrintStream(err, true, StandardCharsets.UTF_8));
        List<BuildEvent> seen = new ArrayList<>();

        trace.mark("main");
        trace.around(seen::add).on(new BuildEvent.StepCached(3));
        trace.around(seen::add).on(new BuildEvent.StepDone(3, Duration.ofMillis(5)));

        assertThat(trace.enabled()).isEqualTo(enabled);
        assertThat(seen).hasSize(2);
        String printed = err.toString(StandardCharsets.UTF_8);
        if (enabled) {
            assertThat(printed.lines().toList()).hasSize(3).allMatch(line -> line.matches("berth timing: +\\d+ ms  cpu +\\d+ ms  .*"));
            assertThat(printed.lines().map(line -> line.replaceFirst(".*ms  ", "")).toList())
                    .containsExactly("main", "step 3 cached", "step 3 done");
        } else {
            assertThat(printed).isEmpty();
        }
    }
}
