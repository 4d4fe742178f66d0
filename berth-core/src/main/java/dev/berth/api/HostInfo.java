package dev.berth.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Berth finds on this host ({@code berth info}).
 *
 * @param runtimes       one line per OCI runtime Berth drives: where it is, its version, or why it does not work
 * @param defaultRuntime the runtime builds and containers use, empty when none works here
 * @param seccomp        whether containers get Berth's default seccomp filter, and why not
 */
public record HostInfo(List<String> runtimes, Optional<String> defaultRuntime, String seccomp) {

    public HostInfo {
        runtimes = List.copyOf(runtimes);
        Objects.requireNonNull(defaultRuntime, "defaultRuntime");
        Objects.requireNonNull(seccomp, "seccomp");
    }
}
