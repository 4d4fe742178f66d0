package dev.berth.cli.progress;

import dev.berth.api.BuildResult;
import dev.berth.api.Output;
import dev.berth.event.BuildEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * BuildKit's plain progress: {@code #N [stage k/n] INSTRUCTION}, every output line as {@code #N line}
 * (never clipped), {@code #N CACHED}, {@code #N DONE 0.3s}, {@code #N ERROR: cause}, {@code #N CANCELED}. One line per event,
 * so logs from parallel stages interleave but each line names its step.
 */
final class PlainProgress implements ProgressView {

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
            case BuildEvent.StepDone done -> "#" + done.step() + " DONE " + seconds(done);
            case BuildEvent.StepCanceled canceled -> "#" + canceled.step() + " CANCELED";
            // The first line only: the error reporter prints the whole message (last output, log path) next,
            // and lines without their #N would break the log's shape.
            case BuildEvent.StepFailed failed -> "#" + failed.step() + " ERROR: " + failed.message().lines().findFirst().orElse("");
        };
        err.println(line);
        err.flush();
    }

    @Override
    public synchronized void succeeded(BuildResult result, List<Output> outputs) {
        ExportSummary.of(result, outputs).lines().forEach(err::println);
        CheckSummary.lines(result.warnings()).forEach(err::println);
        err.flush();
    }

    @Override
    public void failed() {
        // Every event was printed as it came: nothing to finish.
    }

    private static String seconds(BuildEvent.StepDone done) {
        return String.format(Locale.ROOT, "%.1fs", done.took().toMillis() / 1000.0);
    }
}
