package dev.berth.cli;

import dev.berth.api.Berth;
import java.io.PrintWriter;
import java.util.List;

/** Says on standard error which containers the first command after a boot started again, and which it could not. */
final class BootRestartText {

    private BootRestartText() {
    }

    static void startDue(Berth berth, PrintWriter err) {
        List<String> started = berth.containers().startAfterReboot(failure ->
                err.println("WARNING: starting a container again after the host restarted: " + failure.getMessage()));
        if (!started.isEmpty()) {
            err.println("berth: the host restarted; started again by their restart policy: " + String.join(", ", started));
        }
        err.flush();
    }
}
