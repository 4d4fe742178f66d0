package dev.berth.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.ExecutionException;
import dev.berth.runtime.CommandLineRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One reading of a running container's resource use, for {@code stats}: its cgroup's counters as the runtime
 * reads them ({@code runc events --stats}, cgroup v1 or v2 alike) and its network namespace's interface counters
 * ({@code /proc/PID/net/dev} of its first process, loopback left out, as Docker's).
 *
 * @param at            when it was read
 * @param cpuNanos      CPU time used so far, every CPU together
 * @param memoryUsage   memory used less the inactive page cache, as Docker's CLI counts it
 * @param memoryLimit   its limit, or the host's memory when it has none (as Docker's daemon caps it)
 * @param netReceived   bytes received on its interfaces
 * @param netSent       bytes sent
 * @param blockRead     bytes read from block devices
 * @param blockWritten  bytes written
 * @param pids          how many processes it has
 */
public record ContainerStatsSample(Instant at, long cpuNanos, long memoryUsage, long memoryLimit, long netReceived,
        long netSent, long blockRead, long blockWritten, long pids) {

    /** A container not running: Docker shows zeros. */
    public static ContainerStatsSample none(Instant at) {
        return new ContainerStatsSample(at, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Reads the running container whose first process is {@code pid}. */
    public static ContainerStatsSample read(ContainerRecord record, long pid, Instant at) {
        String json = CommandLineRuntime.of(record.runtime().name(), record.runtime().executable(),
                record.runtime().stateRoot(), "", record.seccomp()).stats(record.id());
        long[] net = netDev(Path.of("/proc", Long.toString(pid), "net", "dev"));
        return parse(json, net[0], net[1], hostMemory(Path.of("/proc/meminfo")), at);
    }

    /** The runtime's JSON with the network counters and the host's memory. */
    static ContainerStatsSample parse(String json, long netReceived, long netSent, long hostMemory, Instant at) {
        JsonNode data;
        try {
            data = new ObjectMapper().readTree(json).path("data");
        } catch (IOException e) {
            throw new ExecutionException("reading the runtime's statistics: not JSON: " + json, e);
        }
        JsonNode memory = data.path("memory");
        long usage = memory.path("usage").path("usage").asLong();
        JsonNode stats = memory.path("stats");
        // Docker's CLI: v1's total_inactive_file, else v2's inactive_file, when below the usage.
        long inactive = stats.has("total_inactive_file") ? stats.path("total_inactive_file").asLong()
                : stats.path("inactive_file").asLong();
        long used = inactive < usage ? usage - inactive : usage;
        long limit = memory.path("usage").path("limit").asLong();
        if (limit <= 0 || (hostMemory > 0 && limit > hostMemory)) {
            limit = hostMemory;
        }
        long read = 0;
        long written = 0;
        for (JsonNode entry : data.path("blkio").path("ioServiceBytesRecursive")) {
            String op = entry.path("op").asText().toLowerCase(java.util.Locale.ROOT);
            if (op.startsWith("r")) {
                read += entry.path("value").asLong();
            } else if (op.startsWith("w")) {
                written += entry.path("value").asLong();
            }
        }
        return new ContainerStatsSample(at, data.path("cpu").path("usage").path("total").asLong(), used, limit,
                netReceived, netSent, read, written, data.path("pids").path("current").asLong());
    }

    /** Received and sent bytes of every interface but {@code lo}; zeros when the file cannot be read. */
    static long[] netDev(Path file) {
        long[] total = {0, 0};
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon < 0 || line.substring(0, colon).strip().equals("lo")) {
                    continue;
                }
                String[] fields = line.substring(colon + 1).strip().split("\\s+");
                if (fields.length >= 9) {
                    total[0] += Long.parseLong(fields[0]);
                    total[1] += Long.parseLong(fields[8]);
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // Exited meanwhile: its counters are gone with it.
        }
        return total;
    }

    private static long hostMemory(Path meminfo) {
        try {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            // No cap then.
        }
        return 0;
    }
}
