package dev.berth.container;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The files of one detached container, all in {@code ROOT/ID/}, which is also its OCI bundle (the layout a RUN
 * step's bundle has, so the sweep of a killed process's leftovers works the same):
 * <pre>
 * container.json      the {@link ContainerRecord}
 * config.json rootfs/ hosts hostname resolv.conf    the bundle ({@link dev.berth.sandbox.Sandbox})
 * conmon.pid          conmon's pid ({@code -P})
 * pid                 the container's first process's host pid ({@code -p})
 * exit/ID             conmon's exit file: the exit code, written when the process ends ({@code --exit-dir})
 * ctr.log             the k8s-file log ({@code -l k8s-file:...})
 * runtime.log         runc's own JSON log, for its error messages ({@code --runtime-arg --log})
 * conmon.err          what conmon printed before it detached
 * attach ctl winsz    conmon's attach socket and control FIFOs
 * </pre>
 */
public record ContainerDirectory(Path path, String id) {

    /** The files Berth and conmon add to the bundle, removed before the bundle itself. */
    static final List<String> MONITOR_FILES = List.of("container.json", "conmon.pid", "pid", "ctr.log", "runtime.log",
            "conmon.err", "attach", "ctl", "winsz", "health.json", "health.pid", "health.err");

    public ContainerDirectory {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(id, "id");
    }

    /** The directory of container {@code id} under {@code root}. */
    public static ContainerDirectory of(Path root, String id) {
        return new ContainerDirectory(root.resolve(id), id);
    }

    public Path record() {
        return path.resolve("container.json");
    }

    public Path bundle() {
        return path;
    }

    public Path rootfs() {
        return path.resolve("rootfs");
    }

    public Path conmonPidFile() {
        return path.resolve("conmon.pid");
    }

    public Path pidFile() {
        return path.resolve("pid");
    }

    public Path exitDirectory() {
        return path.resolve("exit");
    }

    /** conmon names the exit file after the container ID ({@code -c}). */
    public Path exitFile() {
        return exitDirectory().resolve(id);
    }

    public Path log() {
        return path.resolve("ctr.log");
    }

    public Path runtimeLog() {
        return path.resolve("runtime.log");
    }

    /** The named pipe conmon reports the container's pid on (its {@code _OCI_SYNCPIPE}); there only while it starts. */
    public Path syncPipe() {
        return bundle().resolve("sync.fifo");
    }

    public Path conmonErrors() {
        return path.resolve("conmon.err");
    }
}
