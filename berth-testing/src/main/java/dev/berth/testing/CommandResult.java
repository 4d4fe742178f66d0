package dev.berth.testing;

import java.util.List;
import java.util.Objects;

/**
 * What a finished host command left behind: its exit code and everything it printed.
 *
 * @param command  the command line that ran
 * @param exitCode its exit status
 * @param stdout   its standard output, decoded as UTF-8
 * @param stderr   its standard error, decoded as UTF-8
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        command = List.copyOf(command);
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** True when the command exited with status 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * This result, if the command succeeded.
     *
     * @throws IllegalStateException naming the command, its status and its standard error otherwise
     */
    public CommandResult orThrow() {
        if (!succeeded()) {
            throw new IllegalStateException("`%s` exited with %d%nstdout: %s%nstderr: %s"
                    .formatted(String.join(" ", command), exitCode, stdout.strip(), stderr.strip()));
        }
        return this;
    }
}
