package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerTopTest {

    private static final String PS_EF = """
            UID          PID    PPID  C STIME TTY          TIME CMD
            root           1       0  0 10:00 ?        00:00:01 /sbin/init
            root         200       1  0 10:01 ?        00:00:00 sh -c sleep 1000 & wait
            root         201     200  0 10:01 ?        00:00:00 sleep 1000
            """;

    @Test
    void keepsTheContainersRowsAndTheCommandWithItsSpaces() {
        ContainerTop.Table table = ContainerTop.parse(PS_EF, Set.of(200L, 201L));
        assertThat(table.titles()).containsExactly("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
        assertThat(table.processes()).containsExactly(
                List.of("root", "200", "1", "0", "10:01", "?", "00:00:00", "sh -c sleep 1000 & wait"),
                List.of("root", "201", "200", "0", "10:01", "?", "00:00:00", "sleep 1000"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "USER COMMAND\\nroot sh | Couldn't find PID field in ps output",
            "'' | Couldn't find PID field in ps output",
            "PID CMD\\nabc sh | Unexpected pid 'abc': For input string: \"abc\""})
    void refusesWhatDockerRefuses(String output, String message) {
        assertThatThrownBy(() -> ContainerTop.parse(output.replace("\\n", "\n"), Set.of(1L))).hasMessage(message);
    }
}
