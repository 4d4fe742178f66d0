package dev.berth.cli;

import dev.berth.error.BerthException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Docker's commands on several containers ({@code stop}, {@code kill}, {@code rm}, {@code start}, {@code wait}):
 * each is tried in turn, a failure reported and the rest still done; the exit code is the last failure's.
 */
final class ContainerBatch {

    /** One container's action; what it returns is printed on a line of its own. */
    @FunctionalInterface
    interface Action {
        String apply(String container);
    }

    private ContainerBatch() {
    }

    static int each(List<String> containers, CommandSpec spec, Action action) {
        PrintWriter out = spec.commandLine().getOut();
        int exit = 0;
        for (String container : containers) {
            try {
                out.println(action.apply(container));
                out.flush();
            } catch (BerthException e) {
                exit = new ErrorReporter().handleExecutionException(e, spec.commandLine(), null);
            }
        }
        return exit;
    }
}
