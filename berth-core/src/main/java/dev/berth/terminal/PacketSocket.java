package dev.berth.terminal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A connected Unix {@code SOCK_SEQPACKET} socket, which the JDK's Unix domain channels (stream only) cannot open:
 * conmon's attach socket is one. Each {@link #read} gives one packet. Reads block in the C library, so a reader
 * belongs on a platform thread (a virtual one would pin its carrier for as long as the container is quiet);
 * {@link #close} shuts the socket down first, which wakes a blocked reader with end-of-file.
 */
public final class PacketSocket implements AutoCloseable {

    private static final int AF_UNIX = 1;
    private static final int SOCK_SEQPACKET = 5;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int SHUT_RDWR = 2;
    private static final int EINTR = 4;
    private static final long SUN_PATH = 108;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SOCKET = handle("socket",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle CONNECT = handle("connect",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle READ = handle("read",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle WRITE = handle("write",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle SHUTDOWN = handle("shutdown",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = handle("close",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private final int fd;
    private final Path path;
    private boolean closed;

    private PacketSocket(int fd, Path path) {
        this.fd = fd;
        this.path = path;
    }

    /** Connects to the socket at {@code path} (at most 107 bytes: a longer one is reached through a shorter link). */
    public static PacketSocket connect(Path path) throws IOException {
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        if (name.length >= SUN_PATH) {
            throw new IOException("socket path " + path + " is longer than " + (SUN_PATH - 1) + " bytes");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) SOCKET.invokeExact(state, AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw new IOException("socket(AF_UNIX, SOCK_SEQPACKET): errno " + errno(state));
            }
            MemorySegment address = arena.allocate(2 + SUN_PATH);
            address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
            MemorySegment.copy(name, 0, address, ValueLayout.JAVA_BYTE, 2, name.length);
            int result = (int) CONNECT.invokeExact(state, fd, address, (int) address.byteSize());
            if (result != 0) {
                int errno = errno(state);
                int ignored = (int) CLOSE.invokeExact(state, fd);
                throw new IOException("connecting to " + path + ": errno " + errno);
            }
            return new PacketSocket(fd, path);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("connecting to " + path + ": " + t, t);
        }
    }

    /** Reads one packet into {@code buffer}; returns its length, 0 at end-of-file. */
    public int read(byte[] buffer) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment data = arena.allocate(buffer.length);
            while (true) {
                long n = (long) READ.invokeExact(state, fd, data, (long) buffer.length);
                if (n >= 0) {
                    MemorySegment.copy(data, ValueLayout.JAVA_BYTE, 0, buffer, 0, (int) n);
                    return (int) n;
                }
                if (errno(state) != EINTR) {
                    throw new IOException("reading " + path + ": errno " + errno(state));
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("reading " + path + ": " + t, t);
        }
    }

    /** Writes {@code length} bytes of {@code buffer} as one packet. */
    public void write(byte[] buffer, int length) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment data = arena.allocate(Math.max(1, length));
            MemorySegment.copy(buffer, 0, data, ValueLayout.JAVA_BYTE, 0, length);
            while (true) {
                long n = (long) WRITE.invokeExact(state, fd, data, (long) length);
                if (n >= 0) {
                    return;
                }
                if (errno(state) != EINTR) {
                    throw new IOException("writing to " + path + ": errno " + errno(state));
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("writing to " + path + ": " + t, t);
        }
    }

    /** Ends both directions: a reader blocked in {@link #read} gets end-of-file; the descriptor stays until closed. */
    public void shutdown() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int ignored = (int) SHUTDOWN.invokeExact(state, fd, SHUT_RDWR);
        } catch (Throwable t) {
            throw new IllegalStateException("shutting down " + path + ": " + t, t);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int shut = (int) SHUTDOWN.invokeExact(state, fd, SHUT_RDWR);
            int result = (int) CLOSE.invokeExact(state, fd);
        } catch (Throwable t) {
            throw new IllegalStateException("closing " + path + ": " + t, t);
        }
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        return LINKER.defaultLookup().find(name)
                .map(address -> LINKER.downcallHandle(address, descriptor, Linker.Option.captureCallState("errno")))
                .orElseThrow(() -> new IllegalStateException("libc has no " + name));
    }
}
