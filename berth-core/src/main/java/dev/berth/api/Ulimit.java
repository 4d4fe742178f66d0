package dev.berth.api;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code --ulimit NAME=SOFT[:HARD]}: a process resource limit.
 *
 * @param name Docker's name ({@code nofile}, {@code nproc}, {@code core}...)
 */
public record Ulimit(String name, long soft, long hard) {

    /** Docker's names and the kernel's limits they set. */
    static final Map<String, String> RLIMITS = Map.ofEntries(Map.entry("core", "RLIMIT_CORE"),
            Map.entry("cpu", "RLIMIT_CPU"), Map.entry("data", "RLIMIT_DATA"), Map.entry("fsize", "RLIMIT_FSIZE"),
            Map.entry("locks", "RLIMIT_LOCKS"), Map.entry("memlock", "RLIMIT_MEMLOCK"),
            Map.entry("msgqueue", "RLIMIT_MSGQUEUE"), Map.entry("nice", "RLIMIT_NICE"),
            Map.entry("nofile", "RLIMIT_NOFILE"), Map.entry("nproc", "RLIMIT_NPROC"), Map.entry("rss", "RLIMIT_RSS"),
            Map.entry("rtprio", "RLIMIT_RTPRIO"), Map.entry("rttime", "RLIMIT_RTTIME"),
            Map.entry("sigpending", "RLIMIT_SIGPENDING"), Map.entry("stack", "RLIMIT_STACK"));

    public Ulimit {
        Objects.requireNonNull(name, "name");
        if (!RLIMITS.containsKey(name)) {
            throw new IllegalArgumentException("invalid ulimit type: " + name);
        }
        if (soft < 0 || hard < 0) {
            // runc takes rlimits as unsigned 64-bit numbers; RLIM_INFINITY does not fit Berth's spec model yet.
            throw new IllegalArgumentException("ulimit " + name + ": unlimited (-1) is not supported; give a number");
        }
        if (soft > hard) {
            throw new IllegalArgumentException("ulimit soft limit must be less than or equal to hard limit: %d > %d"
                    .formatted(soft, hard));
        }
    }

    /**
     * Docker's {@code NAME=SOFT[:HARD]} ({@code -1} for unlimited).
     *
     * @throws IllegalArgumentException with Docker's texts
     */
    public static Ulimit parse(String value) {
        int equals = value.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("invalid ulimit argument: " + value);
        }
        String name = value.substring(0, equals).toLowerCase(Locale.ROOT);
        String[] limits = value.substring(equals + 1).split(":", -1);
        if (limits.length > 2) {
            throw new IllegalArgumentException("too many limit value arguments - " + value.substring(equals + 1)
                    + ", can only have up to two, `soft[:hard]`");
        }
        try {
            long soft = Long.parseLong(limits[0]);
            long hard = limits.length == 2 ? Long.parseLong(limits[1]) : soft;
            return new Ulimit(name, soft, hard);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid ulimit argument: " + value, e);
        }
    }
}
