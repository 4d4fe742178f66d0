package dev.berth.api.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A project as {@code up} runs it: its services, and the networks and volumes they use, each with the name its
 * resource has ({@code PROJECT_KEY}, or the given {@code name}).
 *
 * @param configFiles the Compose files read, as the {@code config_files} label lists them
 * @param warnings    what reading gave besides errors (Swarm-only {@code deploy} keys), and the loader's
 */
public record ProjectSpec(String name, Path workingDirectory, List<Path> configFiles, Map<String, ServiceSpec> services,
        Map<String, NetworkSpec> networks, Map<String, VolumeSpec> volumes, List<String> warnings) {

    public ProjectSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        configFiles = List.copyOf(configFiles);
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
        networks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(networks));
        volumes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(volumes));
        warnings = List.copyOf(warnings);
    }

    /** A top-level network. */
    public record NetworkSpec(String key, String name, boolean external, boolean internal, Map<String, String> labels,
            Optional<String> subnet, Optional<String> gateway) {
        public NetworkSpec {
            labels = Map.copyOf(labels);
        }
    }

    /** A top-level volume. */
    public record VolumeSpec(String key, String name, boolean external, Map<String, String> labels) {
        public VolumeSpec {
            labels = Map.copyOf(labels);
        }
    }
}
