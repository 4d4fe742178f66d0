package dev.berth.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Berth} is bound to, injected so that tests and embedders choose it: the store root, the
 * environment it reads (the root's defaults, {@code PATH} for runtimes), the clock, and where runtimes keep
 * state. Made with {@link #builder}.
 *
 * @param root the store root ({@code --root}); when empty, {@code BERTH_ROOT}, {@code /var/lib/berth} for root,
 *     else {@code $XDG_DATA_HOME/berth} or {@code ~/.local/share/berth}, read from {@code environment}
 * @param runtimeState where runtimes keep container state ({@code /run/berth})
 * @param runtime {@code runc} or {@code crun} to insist on one, empty to take the first that works; checked
 *     when a RUN step or container first needs it
 * @param usage which images containers use, which {@code rmi} and {@code image prune -a} keep
 */
public record Settings(Optional<Path> root, Map<String, String> environment, Clock clock, Path runtimeState,
        Optional<String> runtime, ImageUsage usage) {

    /** Where runtimes keep container state unless told otherwise, as {@code --runtime-state} defaults. */
    public static final Path DEFAULT_RUNTIME_STATE = Path.of("/run/berth");

    public Settings {
        Objects.requireNonNull(root, "root");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(runtimeState, "runtimeState");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(usage, "usage");
    }

    /** The defaults: the root the environment names, this process's environment, the UTC clock, no containers. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets the fields one by one; not thread-safe. */
    public static final class Builder {

        private Optional<Path> root = Optional.empty();
        private Map<String, String> environment = System.getenv();
        private Clock clock = Clock.systemUTC();
        private Path runtimeState = DEFAULT_RUNTIME_STATE;
        private Optional<String> runtime = Optional.empty();
        private ImageUsage usage = ImageUsage.NO_CONTAINERS;

        private Builder() {
        }

        public Builder root(Path value) {
            root = Optional.of(value);
            return this;
        }

        public Builder environment(Map<String, String> value) {
            environment = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder runtimeState(Path value) {
            runtimeState = value;
            return this;
        }

        public Builder runtime(String name) {
            runtime = Optional.of(name);
            return this;
        }

        public Builder usage(ImageUsage value) {
            usage = value;
            return this;
        }

        public Settings build() {
            return new Settings(root, environment, clock, runtimeState, runtime, usage);
        }
    }
}
