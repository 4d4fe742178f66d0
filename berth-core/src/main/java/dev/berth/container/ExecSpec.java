package dev.berth.container;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command to run in a running container ({@code berth exec}); what is not given is the container's own, as
 * Docker's exec takes it: environment, user and working directory of the container's first process.
 *
 * @param args       the command and its arguments
 * @param env        {@code KEY=VALUE} pairs set over the container's environment
 * @param user       {@code -u}: a name or uid ({@code [:group]}), resolved in the container's {@code /etc/passwd}
 * @param workingDir {@code -w}: an absolute directory
 * @param terminal   {@code -t}: a pseudo-terminal of its own
 * @param detach     {@code -d}: started and left running, its output discarded
 */
public record ExecSpec(List<String> args, List<String> env, Optional<String> user, Optional<String> workingDir,
        boolean terminal, boolean detach) {

    public ExecSpec {
        args = List.copyOf(args);
        env = List.copyOf(env);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(workingDir, "workingDir");
        if (args.isEmpty()) {
            throw new IllegalArgumentException("exec needs a command");
        }
    }
}
