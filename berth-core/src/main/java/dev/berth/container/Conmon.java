package dev.berth.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.berth.error.ExecutionException;
import dev.berth.layer.NativeFileCalls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Podman's container monitor, one per container, started so that no Berth process has to stay: it detaches (its own
 * session, reparented to init), runs {@code runc create} with pipes as the container's stdout and stderr, writes
 * what comes through them to a k8s-file log, waits for the process, writes its exit code to {@code exit/ID} and runs
 * the exit command. The container is then started with {@code runc start}.
 *
 * <p>conmon reports the container's pid, or runc's error, as JSON on the file descriptor named by
 * {@code _OCI_SYNCPIPE}. A JVM can give a child only descriptors 0 to 2, so a {@code /bin/sh} wrapper opens a named
 * pipe (in the bundle, made with {@code mkfifo(3)}) as descriptor 3 before it {@code exec}s conmon:
 * {@code exec "$0" "$@" 3>"$BERTH_SYNC_PIPE"}. Not the child's stdout: the JDK closes that pipe as soon as the child
 * it started exits, and conmon's first process exits when it daemonises, before the second one reports, so the
 * report was lost about every other start (regression in {@code DetachedCommandsIT}). The pipe is read up to the
 * first message and removed.
 *
 * @param executable      conmon's binary ({@code /usr/bin/conmon})
 * @param socketDirectory {@code --socket-dir-path}: conmon links {@code DIR/ID} to the bundle for its attach socket
 */
public record Conmon(Path executable, Path socketDirectory) {

    /** How long {@code runc create} may take before the start is given up. */
    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(60);
    // Readers and writers are immutable and thread-safe, unlike a mapper, which can be reconfigured.
    private static final ObjectReader READER = new ObjectMapper().reader();

    public Conmon {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(socketDirectory, "socketDirectory");
    }

    /** Debian's conmon, its attach links in {@code socketDirectory}. */
    public static Conmon standard(Path socketDirectory) {
        return new Conmon(Path.of("/usr/bin/conmon"), socketDirectory);
    }

    /**
     * The argument vector that makes conmon create the container (the {@code /bin/sh} wrapper first).
     *
     * @param exitCommand what conmon runs when the process has exited, if anything
     */
    public List<String> command(ContainerDirectory directory, ContainerRecord record, List<String> exitCommand) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\" 3>\"$BERTH_SYNC_PIPE\"",
                executable.toString(), "--api-version", "1",
                "-c", record.id(), "-u", record.id(), "-n", record.name(),
                "-r", record.runtime().executable().toString(), "-b", directory.bundle().toString(),
                "-p", directory.pidFile().toString(), "-P", directory.conmonPidFile().toString(),
                "-l", "k8s-file:" + directory.log()));
        if (record.process().terminal()) {
            // conmon makes the console socket, passes it to runc and keeps the pty master; --stdin takes input from
            // the attach socket, and --leave-stdin-open keeps taking it after the first client detaches.
            command.addAll(List.of("-t", "-i", "--leave-stdin-open"));
        }
        record.logSizeMax().ifPresent(max -> command.addAll(List.of("--log-size-max", Long.toString(max))));
        command.addAll(List.of("--exit-dir", directory.exitDirectory().toString(),
                "--socket-dir-path", socketDirectory.toString(), "--log-level", "warn",
                "--runtime-arg", "--root", "--runtime-arg", record.runtime().stateRoot().toString(),
                "--runtime-arg", "--log", "--runtime-arg", directory.runtimeLog().toString(),
                "--runtime-arg", "--log-format", "--runtime-arg", "json"));
        if (!exitCommand.isEmpty()) {
            command.addAll(List.of("--exit-command", exitCommand.getFirst()));
            exitCommand.stream().skip(1).forEach(arg -> command.addAll(List.of("--exit-command-arg", arg)));
        }
        return List.copyOf(command);
    }

    /**
     * Starts conmon and returns the pid of the container's process once the runtime created it (not started).
     *
     * @throws ExecutionException naming the container and quoting runc's error when the container was not created
     */
    public long create(ContainerDirectory directory, ContainerRecord record, List<String> exitCommand) {
        String what = "starting container %s (%s)".formatted(record.name(), record.shortId());
        try {
            Files.createDirectories(directory.exitDirectory());
            Files.createDirectories(socketDirectory);
            Path pipe = directory.syncPipe();
            makeFifo(pipe);
            ProcessBuilder builder = new ProcessBuilder(command(directory, record, exitCommand))
                    .redirectInput(Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(Redirect.DISCARD)
                    .redirectError(Redirect.appendTo(directory.conmonErrors().toFile()));
            builder.environment().remove("_OCI_STARTPIPE");
            builder.environment().put("_OCI_SYNCPIPE", "3");
            builder.environment().put("BERTH_SYNC_PIPE", pipe.toString());
            // A named pipe, not the child's stdout: the JDK closes a child's stdout pipe when the child exits, and
            // conmon's first process exits (it daemonises) before its second one writes the report.
            var report = new CompletableFuture<String>();
            Thread.ofVirtual().start(() -> {
                try (InputStream in = Files.newInputStream(pipe)) {
                    report.complete(firstMessage(in));
                } catch (IOException | RuntimeException e) {
                    report.completeExceptionally(e);
                }
            });
            Process process = builder.start();
            String message;
            try {
                message = report.get(CREATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Killing conmon ends the pipe, and with it the reader; the caller deletes the runtime's container.
                readPid(directory.conmonPidFile()).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                unblock(pipe);
                throw e;
            } finally {
                Files.deleteIfExists(pipe);
            }
            process.waitFor();
            return pid(what, message, directory);
        } catch (IOException e) {
            throw new ExecutionException(what + ": cannot run " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(what + ": interrupted while conmon created it", e);
        } catch (TimeoutException e) {
            throw new ExecutionException(what + ": conmon did not report within " + CREATE_TIMEOUT, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ExecutionException(what + ": reading conmon's report: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void makeFifo(Path pipe) throws IOException {
        Files.deleteIfExists(pipe);
        NativeFileCalls.makeFifo(pipe, 0600);
    }

    /** A reader still waiting to open the pipe (conmon never opened it) is let through by a writer that closes. */
    private static void unblock(Path pipe) {
        try (var ignored = Files.newOutputStream(pipe, java.nio.file.StandardOpenOption.WRITE)) {
            // Opening is all it takes.
        } catch (IOException gone) {
            // The reader has its end already, or the pipe is gone: nothing waits.
        }
    }

    private static long pid(String what, String message, ContainerDirectory directory) throws IOException {
        if (message.isBlank()) {
            throw new ExecutionException(what + ": conmon ended without a report" + conmonSaid(directory));
        }
        JsonNode report = READER.readTree(message);
        long pid = report.path("data").asLong(-1);
        if (pid > 0) {
            return pid;
        }
        String cause = report.path("message").asText("").strip();
        throw new ExecutionException(what + ": " + (cause.isEmpty() ? "conmon reported no pid" + conmonSaid(directory) : cause));
    }

    /** The bytes up to the first newline (conmon's JSON report), or all there were. */
    private static String firstMessage(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String conmonSaid(ContainerDirectory directory) {
        try {
            String said = Files.readString(directory.conmonErrors()).strip();
            return said.isEmpty() ? "" : ": " + said;
        } catch (NoSuchFileException nothing) {
            return "";
        } catch (IOException unreadable) {
            return " (" + directory.conmonErrors() + " unreadable: " + unreadable.getMessage() + ")";
        }
    }

    /**
     * Whether the conmon of {@code directory} still runs: its pid file names a process called {@code conmon} that is
     * not a zombie (a conmon whose parent is gone may wait as one for a reaper that never comes).
     */
    public static boolean isRunning(ContainerDirectory directory) {
        return runningPid(directory).isPresent();
    }

    /** The pid of the conmon of {@code directory} while it runs ({@link #isRunning}). */
    static Optional<Long> runningPid(ContainerDirectory directory) {
        return readPid(directory.conmonPidFile()).filter(pid -> ProcessStat.of(pid)
                .filter(stat -> stat.command().equals("conmon") && stat.alive()).isPresent());
    }

    /** The pid a pid file holds; empty when it is missing or not a number. */
    static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException none) {
            return Optional.empty();
        }
    }
}
