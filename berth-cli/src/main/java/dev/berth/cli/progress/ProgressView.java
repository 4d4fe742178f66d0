package dev.berth.cli.progress;

import dev.berth.api.BuildResult;
import dev.berth.api.Output;
import dev.berth.event.ProgressListener;
import java.util.List;

/**
 * How {@code berth build} reports a build: events while it runs, then its end. Errors themselves are
 * printed by the command's error reporter, after {@link #failed()} has left the view in its final state.
 */
public sealed interface ProgressView extends ProgressListener permits PlainProgress, TtyProgress, QuietProgress {

    /**
     * The build gave {@code result}, written to {@code outputs}: print the summary (image ID, names, exports,
     * warnings) as this view does.
     */
    void succeeded(BuildResult result, List<Output> outputs);

    /** The build stopped with an error, which the caller prints next. */
    void failed();
}
