package dev.berth.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code berth exec}: a command run in a running detached container. What is not given is the container's
 * own (its first process's environment, user and working directory), as with Docker.
 *
 * @param container   the container's name, ID or unique ID prefix
 * @param command     the command and its arguments
 * @param env         {@code -e KEY=VALUE} pairs set over the container's environment
 * @param user        {@code -u USER[:GROUP]}
 * @param workingDir  {@code -w DIR}, absolute
 * @param interactive {@code -i}: this process's standard input goes to the command
 * @param tty         {@code -t}: the command gets a pseudo-terminal, copied to and from this process's terminal
 * @param detach      {@code -d}: started and left running, its output discarded
 */
public record ExecRequest(String container, List<String> command, List<String> env, Optional<String> user,
        Optional<String> workingDir, boolean interactive, boolean tty, boolean detach) {

    public ExecRequest {
        Objects.requireNonNull(container, "container");
        command = List.copyOf(command);
        env = List.copyOf(env);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(workingDir, "workingDir");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("exec needs a command to run in " + container);
        }
        for (String pair : env) {
            if (pair.indexOf('=') < 0) {
                throw new IllegalArgumentException("environment entries are KEY=VALUE, not \"" + pair + "\"");
            }
        }
    }

    /** {@code command} in {@code container}, with the container's environment, user and directory, no input. */
    public static ExecRequest of(String container, List<String> command) {
        return new ExecRequest(container, command, List.of(), Optional.empty(), Optional.empty(), false, false, false);
    }
}
