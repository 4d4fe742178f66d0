package dev.berth.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The seccomp filter Berth gives every container and RUN step when the runtime supports seccomp. It is a
 * <em>denylist</em> (default allow, listed calls fail with {@code EPERM}), not Docker's allowlist: it denies
 * what Docker's default profile denies to a container with Docker's default capabilities, the calls its
 * documentation lists as significant: kernel modules, kexec and reboot, mounts, handles that reach past the
 * root ({@code open_by_handle_at}), bpf and perf events, the unnamespaced keyring, userfaultfd, new namespaces
 * ({@code unshare}, {@code setns}, {@code clone} with a namespace flag), the clocks, swap, accounting, quotas,
 * raw I/O ports, NUMA policy, the kernel log. A denylist lets through a syscall newer than the list (Docker's
 * allowlist refuses it); it keeps every syscall a build tool may use working, with nothing to keep in step with
 * each kernel. See docs/runtime.md, "seccomp".
 */
public final class DefaultSeccompProfile {

    /** {@code EPERM}: what Docker's profile answers for a denied call. */
    static final int EPERM = 1;
    /** {@code ENOSYS}: clone3's flags sit in memory a filter cannot read, so C libraries must fall back to clone. */
    static final int ENOSYS = 38;

    /** Denied outright, whatever the arguments. */
    static final List<String> DENIED = List.of(
            // kernel code and the machine
            "init_module", "finit_module", "delete_module", "create_module", "query_module", "get_kernel_syms",
            "kexec_load", "kexec_file_load", "reboot", "iopl", "ioperm", "vm86", "vm86old",
            // file systems and handles that escape the root
            "mount", "umount", "umount2", "pivot_root", "move_mount", "open_tree", "fsopen", "fsconfig", "fsmount",
            "fspick", "mount_setattr", "open_by_handle_at", "name_to_handle_at", "quotactl", "quotactl_fd",
            "nfsservctl", "uselib", "ustat", "sysfs", "_sysctl", "lookup_dcookie", "fanotify_init",
            // kernel interfaces that are not namespaced
            "bpf", "perf_event_open", "keyctl", "add_key", "request_key", "userfaultfd", "syslog", "acct",
            "swapon", "swapoff", "vhangup",
            // namespaces
            "unshare", "setns",
            // the host's clocks
            "clock_settime", "clock_settime64", "clock_adjtime", "clock_adjtime64", "settimeofday", "stime",
            // NUMA policy (CAP_SYS_NICE in Docker's profile)
            "get_mempolicy", "set_mempolicy", "mbind", "move_pages");

    /** The namespace flags of clone(2): CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET. */
    static final List<Long> NAMESPACE_FLAGS = List.of(0x00020000L, 0x02000000L, 0x04000000L, 0x08000000L,
            0x10000000L, 0x20000000L, 0x40000000L);

    private DefaultSeccompProfile() {
    }

    /** The profile for the host's architecture (and its 32-bit ABIs, so they cannot bypass it). */
    public static SeccompProfile forHost() {
        return forArchitecture(System.getProperty("os.arch"));
    }

    static SeccompProfile forArchitecture(String osArch) {
        List<SeccompProfile.SyscallRule> rules = new ArrayList<>();
        rules.add(new SeccompProfile.SyscallRule(DENIED, "SCMP_ACT_ERRNO", OptionalInt.of(EPERM), List.of()));
        for (long flag : NAMESPACE_FLAGS) {
            // One rule per flag, as a seccomp rule can only test (arg & mask) == value; the rules are or-ed.
            rules.add(new SeccompProfile.SyscallRule(List.of("clone"), "SCMP_ACT_ERRNO", OptionalInt.of(EPERM),
                    List.of(new SeccompProfile.ArgCondition(0, flag, flag, "SCMP_CMP_MASKED_EQ"))));
        }
        rules.add(new SeccompProfile.SyscallRule(List.of("clone3"), "SCMP_ACT_ERRNO", OptionalInt.of(ENOSYS), List.of()));
        return new SeccompProfile("SCMP_ACT_ALLOW", architectures(osArch), rules);
    }

    private static List<String> architectures(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
            case "aarch64", "arm64" -> List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM");
            // Elsewhere the native architecture only (s390x would also need clone's flags as argument 1).
            default -> List.of();
        };
    }
}
