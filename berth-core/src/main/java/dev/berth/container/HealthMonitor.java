package dev.berth.container;

import dev.berth.error.ExecutionException;
import dev.berth.image.HealthConfig;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The healthcheck of one detached container without a daemon: a small JVM of its own (its own session, started
 * beside conmon each time the container starts, {@code HealthMonitor ROOT ID}) that runs the test every interval
 * ({@link HealthProber}), steps the {@link HealthState} and writes it to {@code health.json}
 * ({@link HealthStateFile}, atomically), and exits when the container's process has ended, when its record is gone,
 * or when {@code health.pid} names another monitor (a later start made one).
 */
public final class HealthMonitor {

    static final String PID_FILE = "health.pid";
    /** How often the monitor looks whether its container still runs between probes. */
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private HealthMonitor() {
    }

    /**
     * This JVM's {@code java} running the monitor, lean: a small heap, the client compiler only, the serial
     * collector (ROOT and ID are appended).
     */
    public static List<String> javaCommand() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), "-Xmx32m", "-Xss512k", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                HealthMonitor.class.getName());
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: HealthMonitor ROOT ID");
            System.exit(2);
        }
        var records = new ContainerRecords(Path.of(args[0]));
        String id = args[1];
        ContainerDirectory directory = records.directory(id);
        long self = ProcessHandle.current().pid();
        Clock clock = Clock.systemUTC();
        var prober = new HealthProber(clock);
        while (true) {
            Optional<ContainerRecord> found = record(records, id);
            if (found.isEmpty() || found.get().health().isEmpty() || !ours(directory, self)) {
                return;
            }
            ContainerRecord record = found.get();
            HealthConfig config = record.health().get();
            Instant started = record.started().orElse(record.created());
            HealthState state = HealthStateFile.read(directory).orElse(HealthState.initial());
            Duration wait = HealthChecks.nextWait(config, started, clock.instant(), state.status());
            if (!sleepWhileRunning(directory, self, wait)) {
                return;
            }
            HealthProbe probe = prober.probe(record, directory, config);
            // A test cut short by the container's end says nothing of its health.
            if (!running(directory) || !ours(directory, self)) {
                return;
            }
            state = HealthStateFile.read(directory).orElse(state)
                    .after(probe, started, HealthChecks.startPeriod(config), HealthChecks.retries(config));
            HealthStateFile.write(directory, state);
        }
    }

    /**
     * Starts the monitor of a container that has just started: its state reset to {@code starting} (the log kept),
     * any earlier monitor stopped first. Nothing for a container without a healthcheck.
     */
    static void start(List<String> command, ContainerRecords records, ContainerRecord record) {
        ContainerDirectory directory = records.directory(record.id());
        stop(directory);
        if (record.health().isEmpty() || command.isEmpty()) {
            return;
        }
        try {
            HealthStateFile.write(directory, HealthStateFile.read(directory).map(HealthState::restarted)
                    .orElse(HealthState.initial()));
        } catch (IOException e) {
            throw new ExecutionException("resetting the health state of container %s: %s".formatted(record.name(),
                    e.getMessage()), e);
        }
        spawn(command, records, record);
    }

    /**
     * Starts the monitor again, its state kept, when the container runs with a healthcheck and its monitor is gone
     * (killed with the process group of the command that started the container, or by hand): without it the
     * container would stay {@code starting} for ever and {@code compose up --wait} with it. Two callers racing
     * start two monitors; the one whose pid is not in the pid file ends at its first look.
     */
    static void revive(List<String> command, ContainerRecords records, ContainerInfo info) {
        ContainerRecord record = info.record();
        if (command.isEmpty() || record.health().isEmpty()
                || !(info.phase() instanceof ContainerPhase.Running running) || running.paused()
                || runningPid(records.directory(record.id())).isPresent()) {
            return;
        }
        spawn(command, records, record);
    }

    private static void spawn(List<String> command, ContainerRecords records, ContainerRecord record) {
        ContainerDirectory directory = records.directory(record.id());
        try {
            List<String> argv = new ArrayList<>(List.of("/usr/bin/setsid"));
            argv.addAll(command);
            argv.addAll(List.of(records.root().toString(), record.id()));
            Process process = new ProcessBuilder(argv).redirectInput(Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(Redirect.DISCARD)
                    .redirectError(Redirect.appendTo(directory.path().resolve("health.err").toFile())).start();
            Files.writeString(directory.path().resolve(PID_FILE), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new ExecutionException("starting the health monitor of container %s: %s".formatted(record.name(),
                    e.getMessage()), e);
        }
    }

    /** Stops the container's monitor, if one runs, and waits for it to be gone. */
    static void stop(ContainerDirectory directory) {
        Optional<ProcessHandle> monitor = Conmon.readPid(directory.path().resolve(PID_FILE))
                .flatMap(ProcessHandle::of).filter(process -> isMonitorOf(process, directory.id()));
        if (monitor.isEmpty()) {
            return;
        }
        monitor.get().destroy();
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (monitor.get().isAlive() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
        }
        if (monitor.get().isAlive()) {
            monitor.get().destroyForcibly();
        }
    }

    /** Whether {@code process} is the health monitor of container {@code id} (a pid may have been reused). */
    static boolean isMonitorOf(ProcessHandle process, String id) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return cmdline.contains(HealthMonitor.class.getName()) && cmdline.contains(id);
        } catch (IOException gone) {
            return false;
        }
    }

    /** The pid of the container's running monitor, if there is one. */
    public static Optional<Long> runningPid(ContainerDirectory directory) {
        return Conmon.readPid(directory.path().resolve(PID_FILE)).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive).filter(process -> isMonitorOf(process, directory.id()))
                .map(ProcessHandle::pid);
    }

    /** The container's process still runs: conmon has written no exit file and the pid it gave is alive. */
    static boolean running(ContainerDirectory directory) {
        if (Files.exists(directory.exitFile())) {
            return false;
        }
        return Conmon.readPid(directory.pidFile()).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean ours(ContainerDirectory directory, long self) {
        return Conmon.readPid(directory.path().resolve(PID_FILE)).map(pid -> pid == self).orElse(true);
    }

    private static boolean sleepWhileRunning(ContainerDirectory directory, long self, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (!running(directory) || !ours(directory, self)) {
                return false;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            sleep(Duration.ofNanos(Math.min(left, POLL.toNanos())));
        }
    }

    private static Optional<ContainerRecord> record(ContainerRecords records, String id) {
        return records.all().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
