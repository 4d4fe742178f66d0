package dev.berth.cli.progress;

import dev.berth.api.BuildResult;
import dev.berth.event.ProgressListener;

/**
 * How {@code berth build} reports a build: events while it runs, then its end. Errors themselves are
 * printed by the command's error reporter, after {@link #failed()} has left the view in its final state.
 */
public sealed interface ProgressView extends ProgressListener permits PlainProgress, TtyProgress, QuietProgress {

    /** The build gave {@code result}: print the summary (image ID, names, warnings) as this view does. */
    void succeeded(BuildResult result);

    /** The build stopped with an error, which the caller prints next. */
    void failed();
}
