package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** /proc/PID/stat as ps reads it for a running container, without asking the runtime. */
class ProcessStatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234 (sleep) S 77 1234 1234 0 -1|sleep|S|77|true",
            "1234 (runc:[2:INIT]) S 1 1234|runc:[2:INIT]|S|1|true",
            "1234 (a (b) c) R 9 1|a (b) c|R|9|true",
            "1234 (conmon) Z 1|conmon|Z|1|false",
            "1234 (conmon) X|conmon|X|0|false",
    })
    void readsTheNameTheStateAndTheParent(String line, String command, String state, long parent, boolean alive) {
        ProcessStat stat = ProcessStat.parse(line).orElseThrow();
        assertThat(stat).isEqualTo(new ProcessStat(command, state, parent));
        assertThat(stat.alive()).isEqualTo(alive);
    }

    @Test
    void aLineWithoutANameIsNoStat() {
        assertThat(ProcessStat.parse("1234 sleep S")).isEmpty();
    }

    @Test
    void readsThisProcessAndNoneForAPidThatIsNot() {
        assertThat(ProcessStat.of(ProcessHandle.current().pid())).map(ProcessStat::alive).contains(true);
        assertThat(ProcessStat.of(ProcessHandle.current().pid())).map(ProcessStat::parent)
                .contains(ProcessHandle.current().parent().orElseThrow().pid());
        assertThat(ProcessStat.of(Long.MAX_VALUE)).isEqualTo(Optional.empty());
    }
}
