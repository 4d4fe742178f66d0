package dev.berth.runtime;

import java.util.Locale;

/** A container's lifecycle state as the runtime reports it (runtime-spec "state", plus runc's {@code paused}). */
public enum ContainerStatus {
    CREATING,
    CREATED,
    RUNNING,
    PAUSED,
    STOPPED;

    /** The status named by the runtime's {@code state} output. */
    public static ContainerStatus parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
