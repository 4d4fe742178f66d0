package dev.berth.runtime;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A seccomp filter: a default action and per-syscall exceptions ({@code linux.seccomp}).
 * {@link DefaultSeccompProfile} gives the one Berth's containers get.
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
     * An action for a set of syscalls, when their arguments match.
     *
     * @param names    the syscalls
     * @param action   e.g. {@code SCMP_ACT_ALLOW}
     * @param errnoRet the errno an {@code SCMP_ACT_ERRNO} action returns (the runtime's default is EPERM)
     * @param args     conditions on the arguments, all of which must hold; none matches every call
     */
    public record SyscallRule(List<String> names, String action, OptionalInt errnoRet, List<ArgCondition> args) {

        public SyscallRule {
            names = List.copyOf(names);
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(errnoRet, "errnoRet");
            args = List.copyOf(args);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("a seccomp rule names at least one syscall");
            }
        }

        /** A rule for every call of the syscalls, with the runtime's errno. */
        public SyscallRule(List<String> names, String action) {
            this(names, action, OptionalInt.empty(), List.of());
        }
    }

    /**
     * A condition on one argument: {@code arg[index] OP value}, or for {@code SCMP_CMP_MASKED_EQ}
     * {@code (arg[index] & value) == valueTwo}.
     */
    public record ArgCondition(int index, long value, long valueTwo, String op) {

        public ArgCondition {
            Objects.requireNonNull(op, "op");
            if (index < 0 || index > 5) {
                throw new IllegalArgumentException("a syscall has arguments 0 to 5, not " + index);
            }
        }
    }
}
