package dev.berth.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * The process a sandbox runs (a RUN step's or a container's), fully resolved: the argument vector (the shell already prepended for the
 * shell form), the environment as {@code KEY=value} entries in image order, the user as written in the
 * image config ({@code name}, {@code uid}, {@code uid:gid}, {@code name:group}; empty for root) and an
 * absolute working directory; {@code terminal}: whether it gets a pseudo-terminal of its own ({@code -t}).
 */
public record SandboxProcess(List<String> args, List<String> env, String user, String workingDir, boolean terminal) {

    /** A process without a terminal, as RUN steps and {@code berth run} without {@code -t} have. */
    public SandboxProcess(List<String> args, List<String> env, String user, String workingDir) {
        this(args, env, user, workingDir, false);
    }

    public SandboxProcess {
        args = List.copyOf(args);
        env = List.copyOf(env);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(workingDir, "workingDir");
        if (args.isEmpty()) {
            throw new IllegalArgumentException("a sandboxed process needs a command");
        }
        if (!workingDir.startsWith("/")) {
            throw new IllegalArgumentException("working directory must be absolute: " + workingDir);
        }
    }
}
