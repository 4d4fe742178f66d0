package dev.berth.cli;

import dev.berth.api.HostOptions;
import dev.berth.api.MountFlags;
import dev.berth.api.RunMountRequest;
import dev.berth.api.Ulimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code berth run}'s mounts, limits and capabilities (Docker's HostConfig flags), read into {@link HostOptions};
 * a value Docker would refuse is a usage error with Docker's text.
 */
final class RunHostFlags {

    @Option(names = {"-v", "--volume"}, paramLabel = "[SRC:]DST[:ro]",
            description = "Bind a host path (absolute SRC, made if missing), mount a named volume, or (DST alone) an anonymous one.")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--mount", paramLabel = "type=bind|volume|tmpfs,...",
            description = "A mount in Docker's key=value syntax (source=, target=, readonly, volume-nocopy, tmpfs-size=, tmpfs-mode=).")
    List<String> mounts = new ArrayList<>();

    @Option(names = "--tmpfs", paramLabel = "DST[:OPTS]", description = "Mount a tmpfs (noexec,nosuid,nodev unless OPTS say otherwise).")
    List<String> tmpfs = new ArrayList<>();

    @Option(names = "--read-only", description = "Mount the container's root file system read-only.")
    boolean readOnly;

    @Option(names = "--init", description = "Run tini as PID 1: it reaps zombies and forwards signals to the command.")
    boolean init;

    @Option(names = {"-m", "--memory"}, paramLabel = "BYTES", description = "Memory limit (b, k, m, g units).")
    String memory;

    @Option(names = "--memory-swap", paramLabel = "BYTES", description = "Memory plus swap limit; -1 for unlimited swap.")
    String memorySwap;

    @Option(names = "--cpus", paramLabel = "N", description = "Number of CPUs' worth of time (1.5: 150 ms per 100 ms).")
    String cpus;

    @Option(names = "--pids-limit", paramLabel = "N", description = "Limit the number of processes and threads (-1: none).")
    Long pidsLimit;

    @Option(names = "--cap-add", paramLabel = "CAP", description = "Add a Linux capability (CHOWN or CAP_CHOWN, or ALL).")
    List<String> capAdd = new ArrayList<>();

    @Option(names = "--cap-drop", paramLabel = "CAP", description = "Drop a Linux capability (or ALL).")
    List<String> capDrop = new ArrayList<>();

    @Option(names = "--privileged", description = "Every capability, no seccomp filter, /sys writable, every device allowed.")
    boolean privileged;

    @Option(names = "--ulimit", paramLabel = "NAME=SOFT[:HARD]", description = "Set a resource limit (nofile=1024:2048).")
    List<String> ulimits = new ArrayList<>();

    @Option(names = "--stop-signal", paramLabel = "SIGNAL", description = "The signal stop sends first (default: the image's, else SIGTERM).")
    String stopSignal;

    @Option(names = "--stop-timeout", paramLabel = "SECONDS", description = "Seconds stop waits before SIGKILL (default 10).")
    Integer stopTimeout;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    HostOptions options() {
        List<RunMountRequest> all = new ArrayList<>();
        volumes.forEach(v -> all.add(parsed(v, "-v, --volume", MountFlags::volumeFlag)));
        mounts.forEach(m -> all.add(parsed(m, "--mount", MountFlags::mountFlag)));
        tmpfs.forEach(t -> all.add(parsed(t, "--tmpfs", MountFlags::tmpfsFlag)));
        OptionalLong memoryBytes = memory == null ? OptionalLong.empty()
                : OptionalLong.of(parsed(memory, "-m, --memory", RunHostFlags::bytes));
        OptionalLong swapBytes = memorySwap == null ? OptionalLong.empty()
                : OptionalLong.of(memorySwap.equals("-1") ? -1 : parsed(memorySwap, "--memory-swap", RunHostFlags::bytes));
        OptionalDouble cpuCount = cpus == null ? OptionalDouble.empty()
                : OptionalDouble.of(parsed(cpus, "--cpus", Double::parseDouble));
        List<Ulimit> limits = ulimits.stream().map(u -> parsed(u, "--ulimit", Ulimit::parse)).toList();
        try {
            return new HostOptions(all, readOnly, init, memoryBytes, swapBytes, cpuCount,
                    pidsLimit == null ? OptionalLong.empty() : OptionalLong.of(pidsLimit), capAdd, capDrop, privileged,
                    limits, Optional.ofNullable(stopSignal),
                    stopTimeout == null ? OptionalInt.empty() : OptionalInt.of(stopTimeout));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Docker's {@code RAMInBytes}: a number with an optional binary unit, {@code b k m g t p}, and an optional {@code b}. */
    static long bytes(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        var matcher = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp]?)b?").matcher(lower);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid size: '" + value + "'");
        }
        int power = "kmgtp".indexOf(matcher.group(2).isEmpty() ? "-" : matcher.group(2)) + 1;
        return (long) (Double.parseDouble(matcher.group(1)) * Math.pow(1024, power));
    }

    /** Docker's usage error: {@code invalid argument "VALUE" for "FLAG" flag: REASON}. */
    private <T> T parsed(String value, String flag, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "invalid argument \"" + value + "\" for \"" + flag + "\" flag: " + e.getMessage(), e);
        }
    }
}
