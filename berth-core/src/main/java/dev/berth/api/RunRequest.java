package dev.berth.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One foreground {@code berth run}, options already parsed; made with {@link #builder}.
 *
 * @param image      the image's name or ID
 * @param entrypoint {@code --entrypoint}: replaces the image's Entrypoint and resets its Cmd; empty string clears it
 * @param command    arguments after the image: replace the image's Cmd when present
 * @param env        {@code KEY=VALUE} pairs, in order, added to (or replacing) the image's Env
 * @param workingDir {@code -w}
 * @param user       {@code -u}
 * @param hostname   {@code --hostname}; the container ID's first 12 hex digits by default
 * @param seccomp    Berth's default seccomp filter (where the runtime supports it); false for
 *                   {@code --security-opt seccomp=unconfined}
 * @param streams    where the container's standard streams go
 * @param host       mounts, limits, capabilities, {@code --init}, stop settings ({@link HostOptions#defaults()}: none)
 * @param tty        {@code -t}: the container's process gets a pseudo-terminal of its own; in the foreground the
 *                   runtime copies it to and from this process's terminal, which must be one
 */
public record RunRequest(String image, Optional<String> entrypoint, List<String> command, List<String> env,
        Optional<String> workingDir, Optional<String> user, ContainerNetwork network, Optional<String> hostname,
        boolean seccomp, Streams streams, HostOptions host, boolean tty) {

    /** A run without a terminal. */
    public RunRequest(String image, Optional<String> entrypoint, List<String> command, List<String> env,
            Optional<String> workingDir, Optional<String> user, ContainerNetwork network, Optional<String> hostname,
            boolean seccomp, Streams streams, HostOptions host) {
        this(image, entrypoint, command, env, workingDir, user, network, hostname, seccomp, streams, host, false);
    }

    public RunRequest {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(entrypoint, "entrypoint");
        command = List.copyOf(command);
        env = List.copyOf(env);
        for (String pair : env) {
            if (pair.indexOf('=') < 0) {
                throw new IllegalArgumentException("environment entries are KEY=VALUE, not \"" + pair + "\"");
            }
        }
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(host, "host");
    }

    /** With no mounts, limits or capability changes. */
    public RunRequest(String image, Optional<String> entrypoint, List<String> command, List<String> env,
            Optional<String> workingDir, Optional<String> user, ContainerNetwork network, Optional<String> hostname,
            boolean seccomp, Streams streams) {
        this(image, entrypoint, command, env, workingDir, user, network, hostname, seccomp, streams, HostOptions.defaults());
    }

    /** A run of {@code image} with its own command, the default bridge network and the default seccomp filter. */
    public static Builder builder(String image) {
        return new Builder(image);
    }

    /** Where a container's standard streams go; a terminal of its own only with {@link RunRequest#tty}. */
    public sealed interface Streams {

        /** This process's own streams, as {@code berth run} in the foreground; input only with {@code -i}. */
        record Inherited(boolean stdin) implements Streams {}

        /** No input; output and error written to files, replaced if they exist. */
        record ToFiles(Path out, Path err) implements Streams {

            public ToFiles {
                Objects.requireNonNull(out, "out");
                Objects.requireNonNull(err, "err");
            }
        }
    }

    /** Sets a run's fields one by one; {@link #build} checks them. Not thread-safe. */
    public static final class Builder {

        private final String image;
        private Optional<String> entrypoint = Optional.empty();
        private List<String> command = List.of();
        private List<String> env = List.of();
        private Optional<String> workingDir = Optional.empty();
        private Optional<String> user = Optional.empty();
        private ContainerNetwork network = ContainerNetwork.BRIDGE;
        private Optional<String> hostname = Optional.empty();
        private boolean seccomp = true;
        private Streams streams = new Streams.Inherited(false);
        private HostOptions host = HostOptions.defaults();
        private boolean tty;

        private Builder(String image) {
            this.image = Objects.requireNonNull(image, "image");
        }

        public Builder entrypoint(String value) {
            entrypoint = Optional.of(value);
            return this;
        }

        public Builder command(List<String> value) {
            command = value;
            return this;
        }

        public Builder env(List<String> value) {
            env = value;
            return this;
        }

        public Builder workingDir(String value) {
            workingDir = Optional.of(value);
            return this;
        }

        public Builder user(String value) {
            user = Optional.of(value);
            return this;
        }

        public Builder network(ContainerNetwork value) {
            network = value;
            return this;
        }

        public Builder hostname(String value) {
            hostname = Optional.of(value);
            return this;
        }

        public Builder seccomp(boolean value) {
            seccomp = value;
            return this;
        }

        public Builder streams(Streams value) {
            streams = value;
            return this;
        }

        public Builder host(HostOptions value) {
            host = value;
            return this;
        }

        public Builder tty(boolean value) {
            tty = value;
            return this;
        }

        /** @throws IllegalArgumentException for an environment entry without {@code =} */
        public RunRequest build() {
            return new RunRequest(image, entrypoint, command, env, workingDir, user, network, hostname, seccomp,
                    streams, host, tty);
        }
    }
}
