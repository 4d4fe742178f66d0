package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerStatsSampleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // cgroup v2: inactive_file; a limit above the host's memory is capped at it.
            "v2 | {\"data\":{\"cpu\":{\"usage\":{\"total\":500}},\"memory\":{\"usage\":{\"usage\":1000,\"limit\":9999999},"
                    + "\"stats\":{\"inactive_file\":100}},\"pids\":{\"current\":3},\"blkio\":{\"ioServiceBytesRecursive\":"
                    + "[{\"op\":\"read\",\"value\":10},{\"op\":\"write\",\"value\":20},{\"op\":\"Read\",\"value\":1}]}}}"
                    + " | 500 | 900 | 5000 | 11 | 20 | 3",
            // cgroup v1: total_inactive_file wins.
            "v1 | {\"data\":{\"cpu\":{\"usage\":{\"total\":7}},\"memory\":{\"usage\":{\"usage\":1000,\"limit\":2000},"
                    + "\"stats\":{\"total_inactive_file\":300,\"inactive_file\":100}},\"pids\":{\"current\":1}}}"
                    + " | 7 | 700 | 2000 | 0 | 0 | 1",
            // More inactive cache than usage: the usage as it is.
            "cache | {\"data\":{\"memory\":{\"usage\":{\"usage\":100,\"limit\":0},\"stats\":{\"inactive_file\":200}}}}"
                    + " | 0 | 100 | 5000 | 0 | 0 | 0"})
    void readsTheRuntimesStatisticsAsDockerCountsThem(String name, String json, long cpu, long memory, long limit,
            long read, long written, long pids) {
        ContainerStatsSample sample = ContainerStatsSample.parse(json, 1, 2, 5000, NOW);
        assertThat(sample).isEqualTo(new ContainerStatsSample(NOW, cpu, memory, limit, 1, 2, read, written, pids));
    }

    @Test
    void countsEveryInterfaceButLoopback(@TempDir Path directory) throws Exception {
        Path dev = directory.resolve("dev");
        Files.writeString(dev, """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo:    5000      50    0    0    0     0          0         0     5000      50    0    0    0     0       0          0
                  eth0:    1200      10    0    0    0     0          0         0      800       8    0    0    0     0       0          0
                  eth1:      34       1    0    0    0     0          0         0       16       1    0    0    0     0       0          0
                """);
        assertThat(ContainerStatsSample.netDev(dev)).containsExactly(1234, 816);
        assertThat(ContainerStatsSample.netDev(directory.resolve("gone"))).containsExactly(0, 0);
    }
}
