package dev.berth.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A command to run on the host, with extra environment variables and a time limit. Running it waits for the
 * process, reads both output streams on virtual threads (so a chatty command cannot block on a full pipe) and
 * kills the process when the limit passes.
 *
 * @param command     program and arguments
 * @param environment variables added to (or replacing those of) this JVM's environment
 * @param workingDir  the directory to start in, if not this JVM's
 * @param timeout     how long to wait before killing the process
 */
public record HostCommand(List<String> command, Map<String, String> environment, Optional<Path> workingDir,
                          Duration timeout) {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public HostCommand {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(timeout, "timeout");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a host command needs a program");
        }
    }

    /** The command with no extra environment and a five-minute limit. */
    public static HostCommand of(String... command) {
        return new HostCommand(List.of(command), Map.of(), Optional.empty(), DEFAULT_TIMEOUT);
    }

    /** The command with no extra environment and a five-minute limit. */
    public static HostCommand of(List<String> command) {
        return new HostCommand(command, Map.of(), Optional.empty(), DEFAULT_TIMEOUT);
    }

    public HostCommand withEnvironment(Map<String, String> extra) {
        return new HostCommand(command, extra, workingDir, timeout);
    }

    public HostCommand inDirectory(Path directory) {
        return new HostCommand(command, environment, Optional.of(directory), timeout);
    }

    public HostCommand withTimeout(Duration limit) {
        return new HostCommand(command, environment, workingDir, limit);
    }

    /**
     * Runs the command to its end.
     *
     * @throws UncheckedIOException if it cannot be started
     * @throws IllegalStateException if it outlives its time limit (it is killed first)
     */
    public CommandResult run() {
        var builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        workingDir.ifPresent(dir -> builder.directory(dir.toFile()));
        try (var readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Process process = builder.start();
            Future<String> stdout = readers.submit(() -> drain(process.getInputStream()));
            Future<String> stderr = readers.submit(() -> drain(process.getErrorStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("`%s` did not finish within %s"
                        .formatted(String.join(" ", command), timeout), new TimeoutException());
            }
            return new CommandResult(command, process.exitValue(), stdout.get(), stderr.get());
        } catch (IOException e) {
            throw new UncheckedIOException("starting `%s`".formatted(String.join(" ", command)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running `%s`".formatted(command.getFirst()), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the output of `%s`".formatted(command.getFirst()), e.getCause());
        }
    }

    private static String drain(InputStream stream) throws IOException {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
