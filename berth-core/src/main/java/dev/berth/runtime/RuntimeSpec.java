package dev.berth.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part of an OCI runtime-spec {@code config.json} Berth writes: one container's process, root filesystem,
 * host name, mounts and Linux isolation. {@link DockerDefaults#spec} gives Docker's values; {@link RuntimeSpecWriter}
 * turns it into JSON.
 *
 * @param ociVersion the runtime-spec version the document follows
 * @param process    the container's first process
 * @param root       the root filesystem
 * @param hostname   the UTS host name, or empty to leave the runtime's
 * @param mounts     mounts in the order they are made (a later mount may cover an earlier one)
 * @param linux      namespaces, masked paths, cgroup and the rest of the Linux section
 */
public record RuntimeSpec(String ociVersion, ProcessSpec process, RootSpec root, String hostname,
                          List<MountSpec> mounts, LinuxSpec linux) {

    /** The runtime-spec version Berth writes: the one runc 1.1 and crun 1.8 implement. */
    public static final String OCI_VERSION = "1.0.2";

    public RuntimeSpec {
        Objects.requireNonNull(ociVersion, "ociVersion");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(hostname, "hostname");
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(linux, "linux");
        if (!hostname.isEmpty() && !linux.has(NamespaceType.UTS)) {
            // runc refuses a hostname without its own UTS namespace: it would rename the host.
            throw new IllegalArgumentException("a hostname needs a UTS namespace: " + hostname);
        }
    }

    /** This spec with {@code extra} mounted after the existing mounts. */
    public RuntimeSpec withAddedMounts(List<MountSpec> extra) {
        var all = new ArrayList<>(mounts);
        all.addAll(extra);
        return new RuntimeSpec(ociVersion, process, root, hostname, all, linux);
    }

    public RuntimeSpec withProcess(ProcessSpec replacement) {
        return new RuntimeSpec(ociVersion, replacement, root, hostname, mounts, linux);
    }

    public RuntimeSpec withLinux(LinuxSpec replacement) {
        return new RuntimeSpec(ociVersion, process, root, hostname, mounts, replacement);
    }
}
