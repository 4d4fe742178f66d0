package dev.berth.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values Docker Engine (moby 20.10, {@code oci/defaults.go} and {@code daemon/oci_linux.go}) puts in every
 * container's spec, checked against the {@code config.json} dockerd 20.10.24 hands to runc. Berth's containers
 * and RUN steps start from these so that a program sees the same environment under Berth as under Docker.
 */
public final class DockerDefaults {

    /** The PATH Docker gives a container whose image sets none. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** Docker's default capability set, in Docker's order. */
    public static final List<String> CAPABILITIES = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT",
            "CAP_KILL", "CAP_AUDIT_WRITE");

    /** Paths Docker hides: kernel memory, keys and timers that leak host information. */
    public static final List<String> MASKED_PATHS = List.of(
            "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
            "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware");

    /** Paths Docker makes read-only: kernel tunables a container must not change. */
    public static final List<String> READONLY_PATHS = List.of(
            "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    private static final List<String> NO_SUID_EXEC_DEV = List.of("nosuid", "noexec", "nodev");

    private DockerDefaults() {
    }

    /** Docker's mounts, in Docker's order: proc, /dev and friends, sysfs and the cgroup tree read-only. */
    public static List<MountSpec> mounts() {
        return List.of(
                new MountSpec("/proc", "proc", "proc", NO_SUID_EXEC_DEV),
                new MountSpec("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
                new MountSpec("/dev/pts", "devpts", "devpts",
                        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
                new MountSpec("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")),
                new MountSpec("/sys/fs/cgroup", "cgroup", "cgroup", List.of("ro", "nosuid", "noexec", "nodev")),
                new MountSpec("/dev/mqueue", "mqueue", "mqueue", NO_SUID_EXEC_DEV),
                new MountSpec("/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=67108864")));
    }

    /**
     * The per-container files Docker binds over the image's, in Docker's order: {@code /etc/resolv.conf},
     * {@code /etc/hostname}, {@code /etc/hosts}, each writable ({@code rbind,rprivate}).
     */
    public static List<MountSpec> etcBinds(Path resolvConf, Path hostname, Path hosts) {
        return List.of(
                MountSpec.bind(resolvConf, "/etc/resolv.conf", false),
                MountSpec.bind(hostname, "/etc/hostname", false),
                MountSpec.bind(hosts, "/etc/hosts", false));
    }

    /**
     * Docker's devices-cgroup rules: deny all, then allow null, zero, full... as Docker lists them, and deny
     * {@code /dev/fuse} (10:229) explicitly.
     */
    public static List<DeviceRule> deviceRules() {
        return List.of(
                DeviceRule.denyAll(),
                DeviceRule.character(true, 1, 5),
                DeviceRule.character(true, 1, 3),
                DeviceRule.character(true, 1, 9),
                DeviceRule.character(true, 1, 8),
                DeviceRule.character(true, 5, 0),
                DeviceRule.character(true, 5, 1),
                DeviceRule.character(false, 10, 229));
    }

    /**
     * Docker's namespaces: its own mount, UTS, PID and IPC namespaces, and a network namespace unless the
     * container shares the host's network (as {@code docker build} RUN steps do by default in Berth).
     */
    public static List<Namespace> namespaces(boolean hostNetwork) {
        var namespaces = new ArrayList<Namespace>();
        namespaces.add(Namespace.fresh(NamespaceType.MOUNT));
        if (!hostNetwork) {
            namespaces.add(Namespace.fresh(NamespaceType.NETWORK));
        }
        namespaces.add(Namespace.fresh(NamespaceType.UTS));
        namespaces.add(Namespace.fresh(NamespaceType.PID));
        namespaces.add(Namespace.fresh(NamespaceType.IPC));
        return namespaces;
    }

    /**
     * Docker 20.10's sysctls for a container with its own network namespace: any user may bind low ports and
     * send ICMP echo. They are per network namespace, so with the host's network they are left alone.
     */
    public static Map<String, String> sysctl(boolean hostNetwork) {
        return hostNetwork ? Map.of() : Map.of(
                "net.ipv4.ip_unprivileged_port_start", "0",
                "net.ipv4.ping_group_range", "0 2147483647");
    }

    /**
     * A process as Docker starts it: no terminal, Docker's capabilities, privileges allowed, and no rlimits:
     * Docker sets none unless asked ({@code --ulimit}), so the process inherits the runtime's limits. (Setting
     * Docker hosts' usual 1048576 open files explicitly fails where Berth's own hard limit is lower.)
     */
    public static ProcessSpec process(List<String> args, List<String> env, UserSpec user, String cwd) {
        return new ProcessSpec(false, user, args, env, cwd, Capabilities.dockerStyle(CAPABILITIES), List.of(), false);
    }

    /**
     * A complete spec with Docker's defaults around {@code process}: root filesystem at {@code rootPath}
     * (writable, as Docker's is), the default mounts, masked and read-only paths, device rules, namespaces and
     * sysctls; no cgroup path (the runtime picks one) and no seccomp filter.
     */
    public static RuntimeSpec spec(String rootPath, ProcessSpec process, String hostname, boolean hostNetwork) {
        var linux = new LinuxSpec(namespaces(hostNetwork), MASKED_PATHS, READONLY_PATHS, deviceRules(),
                sysctl(hostNetwork), Optional.empty(), Optional.empty());
        return new RuntimeSpec(RuntimeSpec.OCI_VERSION, process, new RootSpec(rootPath, false), hostname, mounts(), linux);
    }
}
