package dev.berth.cli;

import dev.berth.api.compose.ComposeProgress;
import java.io.PrintWriter;

/**
 * Docker Compose's progress as plain lines on standard error: each finished step ticked
 * ({@code  ✔ Container proj-web-1  Started}), warnings as {@code WARN[0000]}. Steps in progress are not shown:
 * without a live display their lines would only repeat the finished ones.
 */
final class ComposeProgressLines implements ComposeProgress {

    private final PrintWriter err;

    ComposeProgressLines(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void event(String kind, String name, String status, boolean done) {
        if (done) {
            err.println(" ✔ " + kind + " " + name + "  " + status);
            err.flush();
        }
    }

    @Override
    public synchronized void warning(String message) {
        err.println("WARN[0000] " + message);
        err.flush();
    }
}
