package dev.berth.runtime;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link RuntimeDetector} found out about one runtime on this host.
 *
 * @param name       {@code runc} or {@code crun}
 * @param executable where it is on PATH, or empty if it is not installed
 * @param version    its version, or empty if unknown
 * @param works      whether it ran a trivial container here
 * @param detail     why it does not work, or empty if it does
 * @param seccomp    whether the binary applies seccomp filters (built with libseccomp)
 */
public record RuntimeProbe(String name, Optional<Path> executable, String version, boolean works, String detail,
        boolean seccomp) {

    public RuntimeProbe {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(detail, "detail");
        if (works && executable.isEmpty()) {
            throw new IllegalArgumentException("a runtime that works has an executable: " + name);
        }
    }

    /** A probe that says nothing of seccomp (taken as unsupported). */
    public RuntimeProbe(String name, Optional<Path> executable, String version, boolean works, String detail) {
        this(name, executable, version, works, detail, false);
    }

    /** One line for {@code berth info}, e.g. {@code runc 1.1.5+ds1 at /usr/sbin/runc: works}. */
    public String describe() {
        if (executable.isEmpty()) {
            return name + ": not found on PATH";
        }
        String label = version.isEmpty() ? name : name + " " + version;
        return "%s at %s: %s".formatted(label, executable.get(), works ? "works" : "does not work here (" + detail + ")");
    }
}
