package dev.berth.network;

import dev.berth.error.ExecutionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run of a host tool ({@code ip}, {@code netavark}): the arguments, what went to its standard input, and what
 * came back. Both output streams are read to the end on threads of their own, so neither can fill and block the tool.
 *
 * @param command the argument vector, the executable first
 * @param exitCode how it ended
 * @param stdout its standard output
 * @param stderr its standard error
 */
record ExternalCommand(List<String> command, int exitCode, String stdout, String stderr) {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /**
     * Runs {@code command} with {@code stdin} on its standard input.
     *
     * @param action what is being done, for the message of a tool that cannot start or never ends
     */
    static ExternalCommand run(String action, List<String> command, byte[] stdin) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new ExecutionException(action + ": cannot start " + command.getFirst() + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // The tool ended without reading its input; its exit code and stderr say why.
        }
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                throw new ExecutionException(action + ": " + command.getFirst() + " did not end within " + TIMEOUT);
            }
            return new ExternalCommand(command, process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ExecutionException(action + ": interrupted while " + command.getFirst() + " ran", e);
        }
    }

    /** Whether it exited with 0. */
    boolean succeeded() {
        return exitCode == 0;
    }

    /** Standard error without the lines that are noise (netavark's {@code failed to connect to syslog}), trimmed. */
    String errorText() {
        return stderr.lines().filter(line -> !line.startsWith("failed to connect to syslog")).map(String::strip)
                .filter(line -> !line.isEmpty()).reduce((a, b) -> a + "; " + b).orElse("");
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.complete("");
            }
        });
        return text;
    }
}
