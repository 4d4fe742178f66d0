package dev.berth.api;

import dev.berth.engine.RunStepExecutor;
import dev.berth.event.ProgressListener;
import dev.berth.store.LocalStore;
import java.time.Clock;

/**
 * Builds for tests of other packages through the package-private {@link Builder}, with a RUN executor of the
 * test's own (a fake, or one that collects garbage mid-step), which {@link Berth#build} never takes.
 */
public final class TestBuilds {

    private TestBuilds() {
    }

    public static BuildResult build(LocalStore store, RunStepExecutor runs, Clock clock, BuildRequest request,
            ProgressListener listener) {
        return new Builder(store, runs, clock).build(request, listener);
    }
}
