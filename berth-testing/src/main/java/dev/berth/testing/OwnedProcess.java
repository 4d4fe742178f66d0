package dev.berth.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A service process this JVM started and must stop: stopped by its pid on {@link #stop()} or, if a test run ends
 * abruptly, by a shutdown hook. SIGTERM first, so the service can clean up (dockerd stops its containerd), then
 * SIGKILL after a grace period.
 */
final class OwnedProcess {

    private final String name;
    private final Process process;
    private final Duration grace;
    private final Thread hook;

    OwnedProcess(String name, Process process, Duration grace) {
        this.name = name;
        this.process = process;
        this.grace = grace;
        this.hook = Thread.ofPlatform().unstarted(this::terminate);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process and forgets the shutdown hook. Safe to call twice. */
    void stop() {
        terminate();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting and running the hook itself; nothing is left to undo.
        }
    }

    /** Leaves the process running past this JVM's exit, for another JVM that still uses it. */
    void abandon() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Too late to keep it: the hook is already running.
        }
    }

    private void terminate() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.printf("berth-testing: %s (pid %d) ignored SIGTERM for %s; killing it%n",
                        name, process.pid(), grace);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
