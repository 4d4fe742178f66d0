package dev.berth.api;

import dev.berth.container.ExecSpec;
import dev.berth.error.ExecutionException;
import dev.berth.runtime.Stdio;
import dev.berth.terminal.TerminalCalls;
import dev.berth.terminal.TerminalModes;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code berth exec}: commands run in running detached containers, through the OCI runtime's {@code exec} (no
 * conmon: the command's streams are this process's, as with a foreground {@code berth run}). Reached by
 * {@link Berth#execs()}.
 */
public final class Execs {

    private final DetachedRuns detached;

    Execs(DetachedRuns detached) {
        this.detached = detached;
    }

    /**
     * Runs the command; returns its exit code (0 once started with {@code detach}). With {@code tty}, the runtime
     * makes its pseudo-terminal and copies it to and from this process's, whose modes are put back afterwards.
     *
     * @throws dev.berth.error.NotFoundException    for a container that does not exist
     * @throws dev.berth.error.ConflictException    for one not running ({@code container ID is not running})
     * @throws ExecutionException with the runtime's error when the command cannot start, or for {@code -it} when
     *                            standard input is not a terminal
     */
    public int run(ExecRequest request) {
        boolean terminal = request.tty() && !request.detach();
        if (terminal && request.interactive() && !TerminalCalls.isTerminal(0)) {
            throw new ExecutionException("the input device is not a TTY");
        }
        var spec = new ExecSpec(request.command(), request.env(), request.user(), request.workingDir(), request.tty(),
                request.detach());
        Redirect in = request.interactive() ? Redirect.INHERIT : Redirect.from(Path.of("/dev/null").toFile());
        Stdio stdio = new Stdio(in, Redirect.INHERIT, Redirect.INHERIT);
        Optional<TerminalModes> modes = terminal ? TerminalModes.save(0).or(() -> TerminalModes.save(1)) : Optional.empty();
        try {
            return detached.exec(request.container(), spec, stdio);
        } finally {
            modes.ifPresent(TerminalModes::close);
        }
    }
}
