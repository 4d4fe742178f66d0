package dev.berth.cli.progress;

import dev.berth.api.BuildResult;
import dev.berth.api.Output;
import dev.berth.event.BuildEvent;
import java.io.PrintWriter;
import java.util.List;

/** {@code --progress=quiet} and {@code -q}: nothing while the build runs, then only the image ID on standard output. */
final class QuietProgress implements ProgressView {

    private final PrintWriter out;

    QuietProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(BuildEvent event) {
        // Quiet by definition: errors still reach the user through the error reporter.
    }

    @Override
    public void succeeded(BuildResult result, List<Output> outputs) {
        out.println(result.imageId());
        out.flush();
    }

    @Override
    public void failed() {
        // Nothing was drawn, so nothing is left to close.
    }
}
