package dev.berth.cli;

import dev.berth.event.BuildEvent;
import dev.berth.event.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/** BuildKit's plain progress: {@code #N [stage k/n] INSTRUCTION}, {@code #N CACHED}, {@code #N DONE 0.3s}. */
final class PlainProgress implements ProgressListener {

    private final PrintWriter err;

    PlainProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void on(BuildEvent event) {
        String line = switch (event) {
            case BuildEvent.StepStarted started -> "#" + started.step() + " " + started.name();
            case BuildEvent.StepCached cached -> "#" + cached.step() + " CACHED";
            case BuildEvent.StepOutput output -> "#" + output.step() + " " + output.line();
            case BuildEvent.CacheMissExplained explained -> "#" + explained.step() + " cache miss: " + explained.reason();
            case BuildEvent.StepDone done -> "#" + done.step() + " DONE "
                    + String.format(Locale.ROOT, "%.1fs", done.took().toMillis() / 1000.0);
            case BuildEvent.StepFailed failed -> "#" + failed.step() + " ERROR: " + failed.message();
        };
        err.println(line);
        err.flush();
    }
}
