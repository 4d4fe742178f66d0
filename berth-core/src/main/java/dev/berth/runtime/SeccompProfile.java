package dev.berth.runtime;

import java.util.List;
import java.util.Objects;

/**
 * A seccomp filter: a default action and per-syscall exceptions ({@code linux.seccomp}). Berth writes none by
 * default; this carries one a caller supplies.
 *
 * @param defaultAction e.g. {@code SCMP_ACT_ERRNO}
 * @param architectures e.g. {@code SCMP_ARCH_X86_64}
 * @param syscalls      the rules, first match wins
 */
public record SeccompProfile(String defaultAction, List<String> architectures, List<SyscallRule> syscalls) {

    public SeccompProfile {
        Objects.requireNonNull(defaultAction, "defaultAction");
        architectures = List.copyOf(architectures);
        syscalls = List.copyOf(syscalls);
    }

    /**
     * An action for a set of syscalls.
     *
     * @param names  the syscalls
     * @param action e.g. {@code SCMP_ACT_ALLOW}
     */
    public record SyscallRule(List<String> names, String action) {

        public SyscallRule {
            names = List.copyOf(names);
            Objects.requireNonNull(action, "action");
        }
    }
}
