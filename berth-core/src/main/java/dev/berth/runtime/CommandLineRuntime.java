package dev.berth.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.berth.error.ExecutionException;
import dev.berth.error.NotFoundException;

/**
 * The command-line protocol runc and crun share: {@code RUNTIME --root STATE --log FILE --log-format json
 * (run|create|start|kill|delete|state) ...}. The runtime's own errors are read from its JSON log, so they are
 * never confused with what the container printed.
 */
public abstract sealed class CommandLineRuntime implements OciRuntime permits RuncRuntime, CrunRuntime {

    // A killed runtime ends at once; the bound only keeps an unkillable one (stuck in the kernel) from hanging us.
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final Path executable;
    private final Path stateRoot;
    private final String version;
    private final boolean seccomp;
    private final ObjectMapper mapper = new ObjectMapper();
    /** Whether this instance has swept the log files killed processes left in the state root (once is enough). */
    private final AtomicBoolean logsSwept = new AtomicBoolean();

    protected CommandLineRuntime(Path executable, Path stateRoot, String version, boolean seccomp) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.stateRoot = Objects.requireNonNull(stateRoot, "stateRoot");
        this.version = Objects.requireNonNull(version, "version");
        this.seccomp = seccomp;
    }

    /**
     * The driver for the runtime called {@code name}.
     *
     * @param seccomp whether the binary applies seccomp filters ({@link RuntimeDetector} finds out)
     * @throws IllegalArgumentException for a runtime other than runc and crun
     */
    public static CommandLineRuntime of(String name, Path executable, Path stateRoot, String version, boolean seccomp) {
        return switch (name) {
            case "crun" -> new CrunRuntime(executable, stateRoot, version, seccomp);
            case "runc" -> new RuncRuntime(executable, stateRoot, version, seccomp);
            default -> throw new IllegalArgumentException("no driver for OCI runtime " + name + "; Berth drives runc and crun");
        };
    }

    @Override
    public Path executable() {
        return executable;
    }

    @Override
    public Path stateRoot() {
        return stateRoot;
    }

    @Override
    public boolean supportsSeccomp() {
        return seccomp;
    }

    public String version() {
        return version;
    }

    @Override
    public String description() {
        return "%s %s (%s, state in %s)".formatted(name(), version, executable, stateRoot);
    }

    @Override
    public int run(Path bundle, String id, Stdio stdio) {
        return execute("running container " + id, List.of("run", "--bundle", bundle.toString(), id), stdio)
                .containerExitCode();
    }

    @Override
    public void create(Path bundle, String id, Stdio stdio) {
        execute("creating container " + id, List.of("create", "--bundle", bundle.toString(), id), stdio).orThrow();
    }

    @Override
    public int exec(String id, Path processFile, Stdio stdio, boolean detach) {
        List<String> args = new ArrayList<>(List.of("exec", "--process", processFile.toString()));
        if (detach) {
            args.add("--detach");
        }
        args.add(id);
        return execute("running a command in container " + id, args, stdio).containerExitCode();
    }

    @Override
    public void start(String id) {
        query("starting container " + id, List.of("start", id));
    }

    @Override
    public void kill(String id, String signal) {
        query("sending %s to container %s".formatted(signal, id), List.of("kill", id, signal));
    }

    @Override
    public void delete(String id, boolean force) {
        query("deleting container " + id, force ? List.of("delete", "--force", id) : List.of("delete", id));
    }

    @Override
    public ContainerState state(String id) {
        String answer = query("reading the state of container " + id, List.of("state", id));
        try {
            JsonNode state = mapper.readTree(answer);
            return new ContainerState(state.path("id").asText(id), ContainerStatus.parse(state.path("status").asText()),
                    state.path("pid").asLong(), Path.of(state.path("bundle").asText()));
        } catch (IOException | IllegalArgumentException e) {
            throw new ExecutionException("reading the state of container %s: %s printed no valid state: %s"
                    .formatted(id, name(), answer), e);
        }
    }

    /** The host pids of the container's processes ({@code runc ps --format json}), for {@code top}. */
    public List<Long> pids(String id) {
        String answer = query("listing the processes of container " + id, List.of("ps", "--format", "json", id));
        try {
            List<Long> pids = new ArrayList<>();
            mapper.readTree(answer).forEach(pid -> pids.add(pid.asLong()));
            return List.copyOf(pids);
        } catch (IOException e) {
            throw new ExecutionException("listing the processes of container %s: %s printed no pid list: %s"
                    .formatted(id, name(), answer), e);
        }
    }

    /** One sample of the container's cgroup statistics, the JSON of {@code runc events --stats}, for {@code stats}. */
    public String stats(String id) {
        return query("reading the statistics of container " + id, List.of("events", "--stats", id));
    }

    /** Runs a command that answers on standard output, and returns the answer. */
    private String query(String action, List<String> args) {
        return execute(action, args, new Stdio(Redirect.from(Path.of("/dev/null").toFile()), Redirect.PIPE, Redirect.PIPE))
                .orThrow().stdout();
    }

    /** Runs one runtime command with the given streams; piped streams are captured. */
    private Outcome execute(String action, List<String> args, Stdio stdio) {
        Path log = null;
        try {
            Files.createDirectories(stateRoot);
            if (logsSwept.compareAndSet(false, true)) {
                RuntimeLogFiles.sweep(stateRoot);
            }
            log = RuntimeLogFiles.create(stateRoot);
            var command = new ArrayList<>(List.of(executable.toString(), "--root", stateRoot.toString(),
                    "--log", log.toString(), "--log-format", "json"));
            command.addAll(args);
            Process process = new ProcessBuilder(command)
                    .redirectInput(stdio.in()).redirectOutput(stdio.out()).redirectError(stdio.err()).start();
            try (var readers = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<String> stdout = readers.submit(() -> drain(process.getInputStream()));
                Future<String> stderr = readers.submit(() -> drain(process.getErrorStream()));
                int exitCode = waitFor(process, action);
                return new Outcome(action, exitCode, stdout.get(), stderr.get().strip(), runtimeErrors(log));
            }
        } catch (IOException e) {
            throw new ExecutionException("%s: cannot run %s: %s".formatted(action, executable, e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("%s: interrupted while waiting for %s".formatted(action, name()), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ExecutionException("%s: reading the output of %s".formatted(action, name()), e.getCause());
        } finally {
            deleteQuietly(log);
        }
    }

    /**
     * Waits for the runtime to end. Interrupted, it kills the runtime first and waits for that: a
     * {@code run} left going would start a container that nothing tracks once the caller cleans up.
     */
    private int waitFor(Process process, String action) throws InterruptedException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            boolean ended = false;
            long deadline = System.nanoTime() + KILL_WAIT.toNanos();
            while (!ended && System.nanoTime() < deadline) {
                try {
                    ended = process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException again) {
                    // The kill must be seen through; the interrupt is rethrown below all the same.
                }
            }
            if (!ended) {
                e.addSuppressed(new ExecutionException("%s: %s (pid %d) did not end within %s of being killed"
                        .formatted(action, name(), process.pid(), KILL_WAIT)));
            }
            throw e;
        }
    }

    /** The messages of the log's error-level entries, joined; empty if the runtime logged no error. */
    private String runtimeErrors(Path log) throws IOException {
        var errors = new ArrayList<String>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode entry = mapper.readTree(line);
                if ("error".equals(entry.path("level").asText()) || "fatal".equals(entry.path("level").asText())) {
                    errors.add(entry.path("msg").asText());
                }
            } catch (IOException notJson) {
                errors.add(line.strip());
            }
        }
        return String.join("; ", errors);
    }

    private static String drain(InputStream stream) throws IOException {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover log in the state directory is harmless; the command's own outcome matters more.
        }
    }

    /** A finished runtime command: its exit code, what it printed (if piped) and the errors it logged. */
    private record Outcome(String action, int exitCode, String stdout, String stderr, String loggedErrors) {

        /** This outcome, if the runtime succeeded. */
        Outcome orThrow() {
            if (exitCode != 0 || !loggedErrors.isEmpty()) {
                throw failure();
            }
            return this;
        }

        /**
         * The container's exit code. The runtime passes it through as its own, so a non-zero code with no
         * logged error is the container's, not a failure of the runtime.
         */
        int containerExitCode() {
            if (!loggedErrors.isEmpty()) {
                throw failure();
            }
            return exitCode;
        }

        private RuntimeException failure() {
            String cause = !loggedErrors.isEmpty() ? loggedErrors : !stderr.isEmpty() ? stderr : "exit code " + exitCode;
            // runc: "container does not exist"; crun: "error opening file `ROOT/ID/status`: No such file or directory".
            if (cause.contains("does not exist") || cause.contains("/status`: No such file or directory")) {
                return new NotFoundException(action + ": " + cause);
            }
            return new ExecutionException(action + ": " + cause);
        }
    }
}
