package dev.berth.container;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run in a container and how, the image's own config aside: the overrides {@code berth run} was given.
 *
 * @param image      the image's name or ID
 * @param entrypoint {@code --entrypoint}: replaces the image's Entrypoint and resets its Cmd; empty string clears it
 * @param args       arguments after the image: replace the image's Cmd when present
 * @param env        {@code KEY=VALUE} pairs, in order, added to (or replacing) the image's Env
 * @param workingDir {@code -w}
 * @param user       {@code -u}
 * @param network    {@code --network}, {@code -p} and the rest
 * @param hostname   {@code --hostname}; the container ID's first 12 hex digits by default
 * @param seccomp    Berth's default seccomp filter (where the runtime supports it); false for
 *                   {@code --security-opt seccomp=unconfined}
 * @param host       mounts, limits, capabilities, {@code --init} and the stop settings
 * @param terminal   {@code -t}: the process gets a pseudo-terminal of its own
 */
public record ContainerSpec(String image, Optional<String> entrypoint, List<String> args, List<String> env,
        Optional<String> workingDir, Optional<String> user, NetworkOptions network, Optional<String> hostname,
        boolean seccomp, ContainerHostConfig host, boolean terminal) {

    /** A container without a terminal. */
    public ContainerSpec(String image, Optional<String> entrypoint, List<String> args, List<String> env,
            Optional<String> workingDir, Optional<String> user, NetworkOptions network, Optional<String> hostname,
            boolean seccomp, ContainerHostConfig host) {
        this(image, entrypoint, args, env, workingDir, user, network, hostname, seccomp, host, false);
    }

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(entrypoint, "entrypoint");
        args = List.copyOf(args);
        env = List.copyOf(env);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(host, "host");
    }

    /** With Docker's defaults for mounts, limits and capabilities. */
    public ContainerSpec(String image, Optional<String> entrypoint, List<String> args, List<String> env,
            Optional<String> workingDir, Optional<String> user, NetworkOptions network, Optional<String> hostname,
            boolean seccomp) {
        this(image, entrypoint, args, env, workingDir, user, network, hostname, seccomp, ContainerHostConfig.defaults());
    }
}
