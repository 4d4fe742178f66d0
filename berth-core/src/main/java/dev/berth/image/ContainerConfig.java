package dev.berth.image;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code config} object of an image config: what a container started from the image gets by default.
 * Field names and meaning follow Docker's {@code container.Config}; empty strings, false, empty lists and
 * empty maps mean "not set" and are omitted from JSON. {@code Hostname}, {@code Domainname}, the attach
 * and stdin flags and {@code Image} are only set in configs the classic Docker builder wrote; Berth keeps
 * them so such a config survives a round-trip.
 *
 * @param exposedPorts {@code port/proto} keys, e.g. {@code 80/tcp}
 * @param env {@code NAME=value} entries in order
 * @param volumes container paths
 * @param extra fields Berth does not model, by name, written back after the known ones
 */
public record ContainerConfig(
        String hostname,
        String domainname,
        String user,
        boolean attachStdin,
        boolean attachStdout,
        boolean attachStderr,
        Set<String> exposedPorts,
        boolean tty,
        boolean openStdin,
        boolean stdinOnce,
        List<String> env,
        List<String> cmd,
        Optional<HealthConfig> healthcheck,
        boolean argsEscaped,
        String image,
        Set<String> volumes,
        String workingDir,
        List<String> entrypoint,
        List<String> onBuild,
        Map<String, String> labels,
        String stopSignal,
        List<String> shell,
        Map<String, RawJson> extra) {

    /** The members this record models; {@code extra} may not use these names. */
    static final Set<String> MEMBERS = Set.of("Hostname", "Domainname", "User", "AttachStdin", "AttachStdout",
            "AttachStderr", "ExposedPorts", "Tty", "OpenStdin", "StdinOnce", "Env", "Cmd", "Healthcheck",
            "ArgsEscaped", "Image", "Volumes", "WorkingDir", "Entrypoint", "OnBuild", "Labels", "StopSignal", "Shell");

    public static final ContainerConfig EMPTY = builder().build();

    public ContainerConfig {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(domainname, "domainname");
        Objects.requireNonNull(user, "user");
        exposedPorts = Set.copyOf(exposedPorts);
        env = List.copyOf(env);
        cmd = List.copyOf(cmd);
        Objects.requireNonNull(healthcheck, "healthcheck");
        Objects.requireNonNull(image, "image");
        volumes = Set.copyOf(volumes);
        Objects.requireNonNull(workingDir, "workingDir");
        entrypoint = List.copyOf(entrypoint);
        onBuild = List.copyOf(onBuild);
        labels = Map.copyOf(labels);
        Objects.requireNonNull(stopSignal, "stopSignal");
        shell = List.copyOf(shell);
        extra = Map.copyOf(extra);
        requireUnmodelled(extra, MEMBERS);
    }

    /** Refuses kept members that would collide with modelled ones when written. */
    static void requireUnmodelled(Map<String, RawJson> extra, Set<String> members) {
        extra.keySet().stream().filter(members::contains).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("\"" + name + "\" is a modelled member, not an extra one");
        });
    }

    public static ContainerConfigBuilder builder() {
        return new ContainerConfigBuilder();
    }

    /** A builder holding this config's values, to derive a changed copy. */
    public ContainerConfigBuilder toBuilder() {
        return new ContainerConfigBuilder(this);
    }
}
