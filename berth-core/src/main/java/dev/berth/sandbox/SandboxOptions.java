package dev.berth.sandbox;

import dev.berth.runtime.DockerDefaults;
import dev.berth.runtime.ResourceLimits;
import dev.berth.runtime.Rlimit;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code berth run} may change in a sandbox's spec beyond RUN steps' Docker defaults.
 *
 * @param readOnlyRoot  {@code --read-only}: the root file system mounted read-only
 * @param init          {@code --init}: the host's init binary (tini), bound read-only at {@link #INIT_PATH} and run
 *                      as PID 1 with the process's arguments after {@code --}
 * @param resources     cgroup limits
 * @param capabilities  the process's capabilities (bounding, effective, permitted)
 * @param privileged    {@code --privileged}: nothing masked, every device allowed, no seccomp filter
 * @param rlimits       {@code --ulimit}s
 * @param tmpfs         {@code --tmpfs} and {@code --mount type=tmpfs}: target and mount options each
 */
public record SandboxOptions(boolean readOnlyRoot, Optional<Path> init, ResourceLimits resources,
        List<String> capabilities, boolean privileged, List<Rlimit> rlimits, List<Tmpfs> tmpfs) {

    /** Where {@code --init}'s binary is in the container: Docker's path for its own. */
    public static final String INIT_PATH = "/sbin/docker-init";

    public SandboxOptions {
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(resources, "resources");
        capabilities = List.copyOf(capabilities);
        rlimits = List.copyOf(rlimits);
        tmpfs = List.copyOf(tmpfs);
    }

    /** A tmpfs: its absolute target and its mount options ({@code size=64m}, {@code mode=1777}, {@code ro}...). */
    public record Tmpfs(String target, List<String> options) {

        public Tmpfs {
            Objects.requireNonNull(target, "target");
            if (!target.startsWith("/")) {
                throw new IllegalArgumentException("a tmpfs target must be absolute: " + target);
            }
            options = List.copyOf(options);
        }
    }

    /** RUN steps' and a plain {@code berth run}'s: Docker's defaults, nothing added. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(false, Optional.empty(), ResourceLimits.none(), DockerDefaults.CAPABILITIES, false,
                List.of(), List.of());
    }
}
