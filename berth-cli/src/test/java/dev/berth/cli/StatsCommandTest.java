package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.ContainerStats;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatsCommandTest {

    @ParameterizedTest(name = "{0} bytes: {1}")
    @CsvSource({"0, 0B", "1023, 1023B", "1024, 1KiB", "1536, 1.5KiB", "67108864, 64MiB", "1156000, 1.102MiB",
            "8200000000, 7.637GiB"})
    void printsMemoryAsDockersBytesSize(long bytes, String printed) {
        assertThat(ByteSize.binary(bytes)).isEqualTo(printed);
    }

    @Test
    void rendersDockersTable() {
        String id = "0123456789ab" + "c".repeat(52);
        var row = new ContainerStats(id, "web", 0.5, 1536, 67108864, 1234, 0, 4096000, 0, 3);
        assertThat(StatsCommand.render(List.of(row), false)).isEqualTo(
                "CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O       BLOCK I/O    PIDS\n"
                        + "0123456789ab   web       0.50%     1.5KiB / 64MiB      0.00%     1.23kB / 0B   4.1MB / 0B   3\n");
    }

    @Test
    void rendersTopsTableWithItsWiderColumns() {
        var table = new dev.berth.api.ContainerProcesses(List.of("PID", "CMD"), List.of(List.of("7", "sleep 1")));
        assertThat(TopCommand.render(table)).isEqualTo("PID" + " ".repeat(17) + "CMD\n7" + " ".repeat(19) + "sleep 1\n");
    }
}
