package dev.berth.container;

import dev.berth.error.ExecutionException;
import dev.berth.error.NotFoundException;
import dev.berth.layer.TreeRemover;
import dev.berth.runtime.OciRuntime;
import dev.berth.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Objects;

/**
 * Undoes a {@code run -d} that failed after its record was written, in reverse order of what was made: the
 * runtime's container, the health monitor and conmon (and conmon's files), the record, then the sandbox and the
 * bridge networks. Every step is tried; their failures are added to the run's.
 */
record FailedRunUndo(ContainerRecords records, Conmon conmon, OciRuntime runtime, BridgeAttachments bridges) {

    FailedRunUndo {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(conmon, "conmon");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(bridges, "bridges");
    }

    void undo(ContainerRecord record, ContainerDirectory directory, Sandbox sandbox, RuntimeException cause) {
        attempt(cause, () -> deleteRuntimeContainer(runtime, record.id()));
        attempt(cause, () -> HealthMonitor.stop(directory));
        attempt(cause, () -> ContainerRemoval.awaitMonitorExit(directory));
        attempt(cause, () -> records.delete(record));
        attempt(cause, () -> {
            try {
                for (String file : ContainerDirectory.MONITOR_FILES) {
                    Files.deleteIfExists(directory.path().resolve(file));
                }
                TreeRemover.delete(directory.exitDirectory());
                Files.deleteIfExists(conmon.socketDirectory().resolve(record.id()));
            } catch (IOException e) {
                throw new ExecutionException("removing the files of container " + record.id() + ": " + e.getMessage(), e);
            }
        });
        attempt(cause, sandbox::close);
        attempt(cause, () -> bridges.detach(record));
    }

    /** Deletes the runtime's container; one never created, or deleted already, is no error. */
    static void deleteRuntimeContainer(OciRuntime held, String id) {
        try {
            held.delete(id, true);
        } catch (NotFoundException alreadyGone) {
            // Never created, or deleted already.
        }
    }

    /** Runs {@code action}; its failure is added to {@code cause}'s suppressed ones. */
    static void attempt(RuntimeException cause, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
