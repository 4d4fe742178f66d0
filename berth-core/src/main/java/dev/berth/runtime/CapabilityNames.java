package dev.berth.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Docker's {@code --cap-add}/{@code --cap-drop} arithmetic over the capability names Linux 5.x knows: names with or
 * without {@code CAP_}, in any case, and {@code ALL}; the drops apply first, then the adds (Docker's order, so
 * {@code --cap-drop ALL --cap-add CHOWN} leaves only CHOWN).
 */
public final class CapabilityNames {

    /** Every capability runc 1.1 knows, in the kernel's order: what {@code --privileged} and {@code --cap-add ALL} give. */
    public static final List<String> ALL = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
            "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
            "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
            "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
            "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN",
            "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
            "CAP_CHECKPOINT_RESTORE");

    private CapabilityNames() {
    }

    /**
     * {@code CHOWN}, {@code cap_chown} and {@code CAP_CHOWN} are {@code CAP_CHOWN}; {@code ALL} stays {@code ALL}.
     *
     * @throws IllegalArgumentException with Docker's text for a name Linux does not have
     */
    public static String canonical(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        if (upper.equals("ALL")) {
            return upper;
        }
        String full = upper.startsWith("CAP_") ? upper : "CAP_" + upper;
        if (!ALL.contains(full)) {
            throw new IllegalArgumentException("unknown capability: \"" + full + "\"");
        }
        return full;
    }

    /**
     * Docker's {@code TweakCapabilities}: {@code --cap-add ALL} gives every capability but the drops; {@code
     * --cap-drop ALL} only the adds; otherwise {@code base} without the drops, then the adds.
     */
    public static List<String> apply(List<String> base, List<String> add, List<String> drop) {
        Set<String> drops = new LinkedHashSet<>(drop.stream().map(CapabilityNames::canonical).toList());
        Set<String> adds = new LinkedHashSet<>(add.stream().map(CapabilityNames::canonical).toList());
        List<String> result = new ArrayList<>();
        if (adds.contains("ALL")) {
            ALL.stream().filter(cap -> !drops.contains(cap)).forEach(result::add);
            return List.copyOf(result);
        }
        if (!drops.contains("ALL")) {
            base.stream().filter(cap -> !drops.contains(cap)).forEach(result::add);
        }
        adds.stream().filter(cap -> !result.contains(cap)).forEach(result::add);
        return List.copyOf(result);
    }

    /**
     * The capabilities of {@code names} that this process's bounding set holds ({@code CapBnd} of
     * {@code /proc/self/status}): runc cannot give a container more, and fails the start if asked to, as it does
     * for {@code --privileged} under a parent that dropped one (this host's CI VM lacks CAP_SYS_RESOURCE).
     * All of them when the set cannot be read.
     */
    public static List<String> withinBoundingSet(List<String> names) {
        long bounding;
        try {
            bounding = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("CapBnd:")).map(line -> Long.parseUnsignedLong(line.substring(7).strip(), 16))
                    .findFirst().orElse(-1L);
        } catch (java.io.IOException | NumberFormatException e) {
            return names;
        }
        return names.stream().filter(name -> ALL.indexOf(name) < 0 || (bounding & (1L << ALL.indexOf(name))) != 0).toList();
    }
}
