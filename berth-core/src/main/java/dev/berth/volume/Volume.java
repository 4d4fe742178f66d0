package dev.berth.volume;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One local volume as {@code volume inspect} shows it.
 *
 * @param name       its name (64 hex digits for an anonymous one)
 * @param driver     always {@code local}
 * @param mountpoint the host directory containers see ({@code volumes/NAME/_data})
 * @param labels     {@code --label}s; an anonymous volume has Docker's {@link #ANONYMOUS_LABEL}
 * @param createdAt  when it was made
 */
public record Volume(String name, String driver, Path mountpoint, Map<String, String> labels, Instant createdAt) {

    /** The label Docker 23+ puts on anonymous volumes, which {@code volume prune} removes without {@code -a}. */
    public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";
    public static final String LOCAL = "local";

    public Volume {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(mountpoint, "mountpoint");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean anonymous() {
        return labels.containsKey(ANONYMOUS_LABEL);
    }

    /** The labels sorted by key, as {@code inspect} prints them. */
    public Map<String, String> sortedLabels() {
        return new TreeMap<>(labels);
    }
}
