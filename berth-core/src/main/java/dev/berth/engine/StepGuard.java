package dev.berth.engine;

import dev.berth.store.StoreLock;
import java.util.function.Supplier;

/**
 * The store's write guard for one step, taken when the step is about to write its first blob and held until
 * the step is recorded in the build cache, so that a garbage collection in any process never removes a layer
 * between its commit and the cache entry that keeps it. A RUN step takes it only once its container is done
 * ({@link RunInvocation#beforeLayerWrite()}): a prune waits for a step's writing, never for its process.
 */
final class StepGuard implements AutoCloseable {

    private final Supplier<StoreLock.Held> writeGuard;
    private StoreLock.Held held;

    StepGuard(Supplier<StoreLock.Held> writeGuard) {
        this.writeGuard = writeGuard;
    }

    /** Takes the guard unless this step already holds it. */
    synchronized void hold() {
        if (held == null) {
            held = writeGuard.get();
        }
    }

    @Override
    public synchronized void close() {
        if (held != null) {
            held.close();
            held = null;
        }
    }
}
