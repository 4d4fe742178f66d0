package dev.berth.container;

import dev.berth.error.NotFoundException;
import dev.berth.runtime.CommandLineRuntime;
import dev.berth.runtime.ContainerState;
import dev.berth.runtime.OciRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a detached container's {@link ContainerPhase} from what outlives every Berth process: conmon's exit file
 * (written when the process ended: it wins) and the runtime's state. A stopped runtime container without an exit
 * file is one whose conmon is about to write it (then it is waited for briefly) or is gone; a container the runtime
 * does not know was never started, or was started before the host rebooted (its state lived in {@code /run}).
 */
public final class ContainerPhases {

    /** The code Docker gives a container whose end nobody saw. */
    static final int UNKNOWN_EXIT = 255;
    private static final Duration EXIT_FILE_GRACE = Duration.ofSeconds(2);

    private ContainerPhases() {
    }

    /** The runtime that holds the container, driven from this process. */
    public static OciRuntime runtimeOf(ContainerRecord record) {
        return CommandLineRuntime.of(record.runtime().name(), record.runtime().executable(),
                record.runtime().stateRoot(), "", record.seccomp());
    }

    public static ContainerPhase read(ContainerRecord record, ContainerDirectory directory) {
        Optional<ContainerPhase.Exited> exited = exitFile(directory);
        if (exited.isPresent()) {
            // Its restart policy waits out the delay: the exit command's mark, while conmon (which waits for it) lives.
            if (RestartMark.isMarked(directory) && Conmon.isRunning(directory)) {
                return new ContainerPhase.Restarting(exited.get().exitCode(), exited.get().finished());
            }
            return exited.get();
        }
        Optional<ContainerPhase.Running> running = runningProcess(record, directory);
        if (running.isPresent()) {
            return running.get();
        }
        ContainerState state;
        try {
            state = runtimeOf(record).state(record.id());
        } catch (NotFoundException unknown) {
            return lost(record, directory);
        }
        Instant started = record.started().orElse(record.created());
        return switch (state.status()) {
            case CREATING, CREATED -> new ContainerPhase.Created();
            case RUNNING -> new ContainerPhase.Running(state.pid(), started, false);
            case PAUSED -> new ContainerPhase.Running(state.pid(), started, true);
            case STOPPED -> awaitExitFile(directory).map(ContainerPhase.class::cast).orElseGet(() -> lost(record, directory));
        };
    }

    /**
     * A started container whose conmon lives and whose pid file (written by the runtime's {@code create}) names a
     * live child of that conmon (conmon is the container's subreaper and parent) that is no longer the runtime's
     * init waiting for {@code start} (runc names it {@code runc:[2:INIT]}, crun leaves its own name): running, read
     * from {@code /proc} without asking the runtime. The parent check keeps pid files from before a reboot, whose
     * pids may name other processes now, from passing. Anything else (created, stopped without an exit file yet) is
     * left to the runtime's state. A container frozen by {@code runc pause} behind Berth's back shows as running.
     */
    private static Optional<ContainerPhase.Running> runningProcess(ContainerRecord record, ContainerDirectory directory) {
        if (record.started().isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> conmon = Conmon.runningPid(directory);
        if (conmon.isEmpty()) {
            return Optional.empty();
        }
        String runtime = record.runtime().name();
        return Conmon.readPid(directory.pidFile())
                .filter(pid -> ProcessStat.of(pid).filter(stat -> stat.alive() && stat.parent() == conmon.get()
                        && !stat.command().startsWith("runc:") && !stat.command().equals(runtime)).isPresent())
                .map(pid -> new ContainerPhase.Running(pid, record.started().get(), false));
    }

    /** What conmon wrote: the exit code, and the file's time as when the process ended. */
    static Optional<ContainerPhase.Exited> exitFile(ContainerDirectory directory) {
        try {
            String code = Files.readString(directory.exitFile()).strip();
            if (code.isEmpty()) {
                return Optional.empty();
            }
            Instant finished = Files.getLastModifiedTime(directory.exitFile()).toInstant();
            return Optional.of(new ContainerPhase.Exited(Integer.parseInt(code), finished));
        } catch (NoSuchFileException notYet) {
            return Optional.empty();
        } catch (IOException | NumberFormatException halfWritten) {
            return Optional.empty();
        }
    }

    private static Optional<ContainerPhase.Exited> awaitExitFile(ContainerDirectory directory) {
        long deadline = System.nanoTime() + EXIT_FILE_GRACE.toNanos();
        while (Conmon.isRunning(directory) && System.nanoTime() < deadline) {
            Optional<ContainerPhase.Exited> exited = exitFile(directory);
            if (exited.isPresent()) {
                return exited;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return exitFile(directory);
    }

    /** No exit file and no process: never started, or its end was not seen (conmon killed, host rebooted). */
    private static ContainerPhase lost(ContainerRecord record, ContainerDirectory directory) {
        if (record.started().isEmpty() || Conmon.isRunning(directory)) {
            return new ContainerPhase.Created();
        }
        return new ContainerPhase.Exited(UNKNOWN_EXIT, record.started().get());
    }
}
