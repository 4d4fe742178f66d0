package dev.berth.dockerfile.instruction;

import java.util.List;
import java.util.Objects;

/** A command as RUN, CMD, ENTRYPOINT and HEALTHCHECK take it: one shell string or a JSON argv. */
public sealed interface ShellOrExec {

    /** {@code RUN make all}: run through the stage's SHELL. */
    record ShellForm(String command) implements ShellOrExec {
        public ShellForm {
            Objects.requireNonNull(command, "command");
        }
    }

    /** {@code RUN ["make", "all"]}: executed directly, no variable expansion. */
    record ExecForm(List<String> argv) implements ShellOrExec {
        public ExecForm {
            argv = List.copyOf(argv);
        }
    }
}
