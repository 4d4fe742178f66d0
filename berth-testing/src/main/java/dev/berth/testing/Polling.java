package dev.berth.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a service to come up by asking it again and again, with a deadline. */
final class Polling {

    private static final Duration INTERVAL = Duration.ofMillis(50);

    private Polling() {
    }

    /**
     * Returns once {@code ready} answers true; asks every 50 ms.
     *
     * @throws IllegalStateException naming {@code what} when {@code timeout} passes first
     */
    static void until(String what, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("%s did not happen within %s".formatted(what, timeout));
            }
            try {
                Thread.sleep(INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting until " + what, e);
            }
        }
    }
}
