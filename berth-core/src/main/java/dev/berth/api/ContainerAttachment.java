package dev.berth.api;

import dev.berth.container.ContainerConsole;
import dev.berth.container.LogOptions;
import dev.berth.error.ConflictException;
import dev.berth.error.ExecutionException;
import dev.berth.terminal.DetachKeys;
import dev.berth.terminal.PacketSocket;
import dev.berth.terminal.TerminalCalls;
import dev.berth.terminal.TerminalModes;
import dev.berth.terminal.WindowSize;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code berth attach}: this process's streams joined to a running container's through its conmon's attach socket.
 * With a terminal, this process's terminal is put in raw mode (restored on every way out), its size sent to
 * conmon's control FIFO at start and on each {@code SIGWINCH}; ctrl-p ctrl-q detaches and leaves the container
 * running, as Docker's default detach keys. Output is copied on a platform thread (the socket read blocks in the C
 * library), input on a virtual one.
 */
final class ContainerAttachment {

    private static final int STDERR_PACKET = 3;

    private final DetachedRuns detached;

    ContainerAttachment(DetachedRuns detached) {
        this.detached = detached;
    }

    /** Attaches until the container exits (returns its exit code) or the detach keys are typed (returns 0). */
    int attach(String reference) {
        ContainerConsole console = detached.console(reference);
        if (console.terminal() && !TerminalCalls.isTerminal(0)) {
            throw new ExecutionException("the input device is not a TTY");
        }
        Optional<TerminalModes> modes = console.terminal() ? TerminalModes.save(0) : Optional.empty();
        AtomicBoolean detachKeys = new AtomicBoolean();
        SignalHandler previous = null;
        try (PacketSocket socket = PacketSocket.connect(console.attachSocket())) {
            if (modes.isPresent()) {
                modes.get().raw();
                resize(console);
                previous = Signal.handle(new Signal("WINCH"), _ -> resize(console));
            }
            Thread output = Thread.ofPlatform().daemon().start(() -> copyOutput(socket));
            Thread.ofVirtual().start(() -> copyInput(socket, console.terminal(), detachKeys));
            output.join();
        } catch (IOException e) {
            throw new ExecutionException("attaching to container " + reference + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("attaching to container " + reference + ": interrupted", e);
        } finally {
            if (previous != null) {
                Signal.handle(new Signal("WINCH"), previous);
            }
            modes.ifPresent(TerminalModes::close);
        }
        if (detachKeys.get()) {
            // Docker's client says so, on its own line after the raw terminal's output.
            System.err.println("read escape sequence");
            return 0;
        }
        return detached.waitFor(console.record().id());
    }

    /** Sends this terminal's size to conmon, which sets it on the container's terminal. */
    private static void resize(ContainerConsole console) {
        Optional<WindowSize> size = TerminalCalls.windowSize(0);
        if (size.isEmpty()) {
            return;
        }
        // conmon keeps the FIFO open for reading (and a writer of its own), so opening it never blocks.
        try (OutputStream ctl = Files.newOutputStream(console.controlFifo(), StandardOpenOption.WRITE)) {
            ctl.write("1 %d %d\n".formatted(size.get().rows(), size.get().columns()).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException gone) {
            // The container is exiting: there is no terminal left to resize.
        }
    }

    private static void copyOutput(PacketSocket socket) {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        byte[] packet = new byte[8192 + 1];
        try {
            for (int n; (n = socket.read(packet)) > 0; ) {
                OutputStream target = packet[0] == STDERR_PACKET ? err : out;
                target.write(packet, 1, n - 1);
                target.flush();
            }
        } catch (IOException ended) {
            // conmon closed the socket as the container ended, or this side shut it down.
        }
    }

    /** Copies input as typed; ctrl-p ctrl-q (with a terminal) shuts the socket down, which ends the output copy. */
    private static void copyInput(PacketSocket socket, boolean terminal, AtomicBoolean detachKeys) {
        InputStream in = new FileInputStream(FileDescriptor.in);
        byte[] buffer = new byte[8192];
        DetachKeys keys = new DetachKeys();
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                byte[] send = terminal ? keys.filter(buffer, n) : Arrays.copyOf(buffer, n);
                if (send.length > 0) {
                    socket.write(send, send.length);
                }
                if (keys.detached()) {
                    detachKeys.set(true);
                    socket.shutdown();
                    return;
                }
            }
        } catch (IOException ended) {
            // The socket is gone: the container ended.
        }
    }

    /**
     * {@code start -a [-i]}: starts it, then writes what it writes from this start on (its log keeps earlier runs')
     * until it exits; its exit code. With {@code stdin}, attached instead; one that exited before the attach
     * gets its output from the log all the same.
     */
    int startAttached(String reference, boolean stdin, ContainerOutput output) {
        Instant since = detached.clock().instant();
        String id = detached.containers().start(reference).record().id();
        if (stdin) {
            try {
                return attach(id);
            } catch (ConflictException exitedBeforeTheAttach) {
                // Read from the log below.
            }
        }
        followSince(id, since, output);
        return detached.containers().waitFor(id);
    }

    /** What the container wrote from {@code since} on, until it is not running. */
    private void followSince(String reference, Instant since, ContainerOutput output) {
        var options = new LogOptions(true, java.util.OptionalInt.empty(), false, Optional.of(since));
        detached.containers().logs(reference, options, (stream, bytes) -> output.write(switch (stream) {
            case STDOUT -> ContainerOutput.Source.STDOUT;
            case STDERR -> ContainerOutput.Source.STDERR;
        }, bytes));
    }
}
