package dev.berth.plan;

import java.util.List;
import java.util.Objects;

/** The command of RUN, CMD, ENTRYPOINT and HEALTHCHECK: one string for the image's SHELL, or an argv run as is. */
public sealed interface Command {

    /** {@code RUN make all}: run through the stage's SHELL. */
    record Shell(String command) implements Command {
        public Shell {
            Objects.requireNonNull(command, "command");
        }
    }

    /** {@code RUN ["make", "all"]}: executed directly. */
    record Exec(List<String> argv) implements Command {
        public Exec {
            argv = List.copyOf(argv);
        }
    }
}
