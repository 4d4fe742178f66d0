package dev.berth.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One local volume, as {@code docker volume inspect} shows it.
 *
 * @param mountpoint the host directory containers see
 * @param labels     sorted by key; an anonymous volume has {@code com.docker.volume.anonymous}
 * @param scope      always {@code local}
 */
public record VolumeSummary(String name, String driver, Path mountpoint, SortedMap<String, String> labels,
        String scope, Instant createdAt) {

    public VolumeSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(mountpoint, "mountpoint");
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean anonymous() {
        return labels.containsKey("com.docker.volume.anonymous");
    }

    static VolumeSummary of(String name, String driver, Path mountpoint, Map<String, String> labels, Instant createdAt) {
        return new VolumeSummary(name, driver, mountpoint, new TreeMap<>(labels), "local", createdAt);
    }
}
