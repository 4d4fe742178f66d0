package dev.berth.container;

import dev.berth.error.ConflictException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@code attach} reaches a running container's conmon: its attach socket ({@code SOCK_SEQPACKET}; each
 * packet out starts with a byte naming the stream, 2 stdout and 3 stderr, input is written as it is) and its
 * control FIFO, which takes {@code 1 ROWS COLUMNS\n} to resize the container's terminal.
 *
 * @param attachSocket through conmon's link in its socket directory, whose path is short enough for a socket
 * @param terminal     whether the container has a terminal ({@code run -t})
 */
public record ContainerConsole(ContainerRecord record, Path attachSocket, Path controlFifo, boolean terminal) {

    public ContainerConsole {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(attachSocket, "attachSocket");
        Objects.requireNonNull(controlFifo, "controlFifo");
    }

    /** The console of a running container; Docker's refusal for one that is not. */
    static ContainerConsole of(ContainerRecord record, ContainerDirectory directory, Path socketDirectory) {
        if (!ContainerPhases.read(record, directory).isRunning()) {
            throw new ConflictException("You cannot attach to a stopped container, start it first");
        }
        return new ContainerConsole(record, socketDirectory.resolve(record.id()).resolve("attach"),
                directory.path().resolve("ctl"), record.process().terminal());
    }
}
