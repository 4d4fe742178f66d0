package dev.berth.runtime;

/** The Linux namespaces a container can have its own of, with the runtime-spec's names. */
public enum NamespaceType {
    PID("pid"),
    NETWORK("network"),
    IPC("ipc"),
    UTS("uts"),
    MOUNT("mount"),
    USER("user"),
    CGROUP("cgroup");

    private final String specName;

    NamespaceType(String specName) {
        this.specName = specName;
    }

    /** The name in {@code linux.namespaces[].type}. */
    public String specName() {
        return specName;
    }
}
