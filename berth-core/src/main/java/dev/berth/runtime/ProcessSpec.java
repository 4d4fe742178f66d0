package dev.berth.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The container's first process.
 *
 * @param terminal        whether the runtime gives it a pseudo-terminal
 * @param user            whom it runs as
 * @param args            program and arguments; the program is looked up in the container's {@code PATH}
 * @param env             {@code KEY=value} entries
 * @param cwd             its absolute working directory
 * @param capabilities    its capability sets
 * @param rlimits         resource limits
 * @param noNewPrivileges whether setuid binaries and file capabilities are ignored
 */
public record ProcessSpec(boolean terminal, UserSpec user, List<String> args, List<String> env, String cwd,
                          Capabilities capabilities, List<Rlimit> rlimits, boolean noNewPrivileges) {

    public ProcessSpec {
        Objects.requireNonNull(user, "user");
        args = List.copyOf(args);
        env = List.copyOf(env);
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(capabilities, "capabilities");
        rlimits = List.copyOf(rlimits);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("a process needs at least a program in args");
        }
        if (!cwd.startsWith("/")) {
            throw new IllegalArgumentException("the working directory must be absolute: " + cwd);
        }
        for (String entry : env) {
            if (entry.indexOf('=') <= 0) {
                throw new IllegalArgumentException("an environment entry is KEY=value: " + entry);
            }
        }
    }

    public ProcessSpec withUser(UserSpec replacement) {
        return new ProcessSpec(terminal, replacement, args, env, cwd, capabilities, rlimits, noNewPrivileges);
    }

    public ProcessSpec withArgs(List<String> replacement) {
        return new ProcessSpec(terminal, user, replacement, env, cwd, capabilities, rlimits, noNewPrivileges);
    }

    public ProcessSpec withTerminal(boolean replacement) {
        return new ProcessSpec(replacement, user, args, env, cwd, capabilities, rlimits, noNewPrivileges);
    }

    public ProcessSpec withRlimits(List<Rlimit> replacement) {
        return new ProcessSpec(terminal, user, args, env, cwd, capabilities, replacement, noNewPrivileges);
    }
}
