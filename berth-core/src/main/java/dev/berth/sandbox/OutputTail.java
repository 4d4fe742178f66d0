package dev.berth.sandbox;

import dev.berth.error.ExecutionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Copies what a container appends to its output file to the step's log while it runs (a virtual thread
 * polling the file), and the rest when closed: the runtime takes file redirects, not Java streams.
 */
public final class OutputTail implements AutoCloseable {

    private static final long POLL_MILLIS = 20;

    private final Thread copier;
    private volatile boolean finished;
    private volatile IOException failure;

    private OutputTail(Path file, OutputStream log) {
        this.copier = Thread.ofVirtual().unstarted(() -> copy(file, log));
    }

    public static OutputTail start(Path file, OutputStream log) {
        OutputTail tail = new OutputTail(file, log);
        tail.copier.start();
        return tail;
    }

    private void copy(Path file, OutputStream log) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                boolean last = finished;
                int read;
                while ((read = in.read(buffer)) > 0) {
                    log.write(buffer, 0, read);
                }
                log.flush();
                if (last) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished = true;
        try {
            copier.join();
        } catch (InterruptedException e) {
            copier.interrupt();
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new ExecutionException("RUN: copying the step's output to its log: " + failure.getMessage(), failure);
        }
    }
}
