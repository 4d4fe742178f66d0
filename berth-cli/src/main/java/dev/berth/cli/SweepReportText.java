package dev.berth.cli;

import dev.berth.api.LeftoverReport;
import java.io.PrintWriter;

/** How a sweep of leftovers is told: a line per leftover for {@code system prune}, a debug log elsewhere. */
final class SweepReportText {

    private SweepReportText() {
    }

    /** {@code removed leftover: ...} on {@code out} per leftover; a warning on {@code err} per failure. */
    static void print(LeftoverReport report, PrintWriter out, PrintWriter err) {
        report.removed().forEach(leftover -> out.println("removed leftover: " + leftover.describe()));
        report.failures().forEach(failure -> err.println("WARNING: " + failure));
        out.flush();
        err.flush();
    }

    /** For build and run, which clean up quietly: at debug level only. */
    static void log(LeftoverReport report) {
        if (report.removed().isEmpty() && report.failures().isEmpty()) {
            return;
        }
        // Looked up only when there is something to say: the logging set-up costs a fresh JVM milliseconds.
        System.Logger log = System.getLogger("dev.berth.cli.sweep");
        report.removed().forEach(leftover -> log.log(System.Logger.Level.DEBUG, "removed leftover: " + leftover.describe()));
        report.failures().forEach(failure -> log.log(System.Logger.Level.DEBUG, "sweeping leftovers: " + failure));
    }
}
