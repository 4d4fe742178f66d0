package dev.berth.api;

/**
 * One row of {@code berth stats}: a container's resource use over the last interval.
 *
 * @param id           its full ID
 * @param name         its name
 * @param cpuPercent   CPU time used over the interval's wall time, in percent (100 per busy CPU)
 * @param memoryUsage  bytes used, less the inactive page cache
 * @param memoryLimit  its limit, or the host's memory
 * @param netReceived  bytes received on its interfaces
 * @param netSent      bytes sent
 * @param blockRead    bytes read from block devices
 * @param blockWritten bytes written
 * @param pids         its processes
 */
public record ContainerStats(String id, String name, double cpuPercent, long memoryUsage, long memoryLimit,
        long netReceived, long netSent, long blockRead, long blockWritten, long pids) {

    /** Memory used over the limit, in percent; 0 without a limit. */
    public double memoryPercent() {
        return memoryLimit <= 0 ? 0 : 100.0 * memoryUsage / memoryLimit;
    }
}
