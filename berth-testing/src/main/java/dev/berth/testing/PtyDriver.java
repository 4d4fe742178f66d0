package dev.berth.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run on a pseudo-terminal of its own, driven as a user at a terminal would: {@link #type} sends keys,
 * {@link #awaitScreen} waits for text on the screen, {@link #resize} changes the window size (the command gets
 * {@code SIGWINCH}). The terminal is made by a small Python program ({@code pty-driver.py}, Python's {@code pty}
 * module), so the command's standard streams are a real terminal, 24x80 at first. The process is killed by
 * {@link #close} if it still runs.
 */
public final class PtyDriver implements AutoCloseable {

    private final OwnedProcess process;
    private final Process child;
    private final Path sizeFile;
    private final OutputStream keys;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Thread reader;

    private PtyDriver(Process child, Path sizeFile) {
        this.child = child;
        this.process = new OwnedProcess("pty-driver", child, Duration.ofSeconds(5));
        this.sizeFile = sizeFile;
        this.keys = child.getOutputStream();
        InputStream output = child.getInputStream();
        this.reader = Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = output.read(buffer)) >= 0; ) {
                    synchronized (screen) {
                        screen.write(buffer, 0, n);
                        screen.notifyAll();
                    }
                }
            } catch (IOException closed) {
                // The driver ended.
            }
        });
    }

    /** Starts {@code command} on a new terminal; {@code work} holds the driver's files. */
    public static PtyDriver start(Path work, List<String> command, Map<String, String> environment) throws IOException {
        Path script = work.resolve("pty-driver.py");
        try (InputStream in = PtyDriver.class.getResourceAsStream("pty-driver.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path sizeFile = work.resolve("pty-size");
        List<String> argv = new ArrayList<>(List.of("python3", script.toString()));
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("PTY_DRIVER_SIZE", sizeFile.toString());
        return new PtyDriver(builder.start(), sizeFile);
    }

    /** Sends {@code text} as keys ({@code \r} is Enter). */
    public void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Everything the terminal has shown so far. */
    public String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Waits until the terminal has shown {@code text} after position {@code from} of {@link #screen}; returns the
     * position just after it.
     *
     * @throws IllegalStateException with what was shown when {@code timeout} passes first
     */
    public int awaitScreen(int from, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (screen) {
            while (true) {
                String shown = screen.toString(StandardCharsets.UTF_8);
                int at = shown.indexOf(text, Math.min(from, shown.length()));
                if (at >= 0) {
                    return at + text.length();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the terminal did not show " + text + " within " + timeout
                            + "; it showed:\n" + shown);
                }
                screen.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** Resizes the terminal; the command receives {@code SIGWINCH}. */
    public void resize(int rows, int columns) throws IOException, InterruptedException {
        Files.writeString(sizeFile, rows + " " + columns + "\n");
        Process kill = new ProcessBuilder("kill", "-USR1", Long.toString(child.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -USR1 " + child.pid() + " failed");
        }
    }

    /** Waits for the command to end; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the command on the terminal did not end within " + timeout
                    + "; it showed:\n" + screen());
        }
        reader.join(Duration.ofSeconds(5));
        return child.exitValue();
    }

    @Override
    public void close() {
        process.stop();
    }
}
