package dev.berth.terminal;

import java.io.IOException;
import java.util.Optional;

/**
 * The modes of this process's terminal, saved when made and put back by {@link #close}, at most once, whatever
 * happened meanwhile: a runtime that dies in raw mode (killed, or crashed) would otherwise leave the user's shell
 * without echo. A shutdown hook restores them too, so that Ctrl-C or {@code SIGTERM} to Berth, which end the JVM
 * with its hooks, does not leave them changed.
 */
public final class TerminalModes implements AutoCloseable {

    private final int fd;
    private final byte[] saved;
    private final Thread hook;
    private boolean closed;

    private TerminalModes(int fd, byte[] saved) {
        this.fd = fd;
        this.saved = saved;
        this.hook = Thread.ofPlatform().unstarted(this::restore);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * The modes of the terminal on {@code fd} (0: standard input), saved; empty when {@code fd} is not a terminal,
     * or its modes cannot be read.
     */
    public static Optional<TerminalModes> save(int fd) {
        if (!TerminalCalls.isTerminal(fd)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TerminalModes(fd, TerminalCalls.modes(fd)));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** Puts the terminal in raw mode: every key, Ctrl-C included, reaches the container as a byte. */
    public void raw() throws IOException {
        TerminalCalls.setModes(fd, TerminalCalls.raw(saved));
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs, or ran: it restores the modes.
        }
    }

    private synchronized void restore() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            TerminalCalls.setModes(fd, saved);
        } catch (IOException gone) {
            // The terminal is gone (hung up): there is nothing left to restore.
        }
    }
}
