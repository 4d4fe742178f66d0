package dev.berth.layer;

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
import java.nio.file.Path;
import java.time.Instant;

/**
 * A regular file the extractor has just created, held open by descriptor: {@code open} with
 * {@code O_CREAT|O_EXCL|O_NOFOLLOW} (never through a symlink planted at the name), then content written
 * straight from the Java array, then owner, mode and times set on the descriptor ({@code fchown},
 * {@code fchmod}, {@code futimens}): no path is looked up again, and the metadata lands on the very
 * inode that was created. Not synced: like {@code tar -x}, the data reaches the disk when the kernel
 * writes it back.
 */
final class CreatedFile implements AutoCloseable {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
    private static final MethodHandle OPEN = handle("open",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
            CAPTURE, Linker.Option.firstVariadicArg(2));
    // critical(true): the call may read the Java array in place, sparing a copy; write(2) never blocks for long on a file.
    private static final MethodHandle WRITE = handle("write",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
            CAPTURE, Linker.Option.critical(true));
    private static final MethodHandle FCHOWN = handle("fchown",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), CAPTURE);
    private static final MethodHandle FCHMOD = handle("fchmod",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), CAPTURE);
    private static final MethodHandle FUTIMENS = handle("futimens",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS), CAPTURE);
    private static final MethodHandle CLOSE = handle("close",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), CAPTURE);

    private static final int O_WRONLY = 01;
    private static final int O_CREAT = 0100;
    private static final int O_EXCL = 0200;
    private static final int O_CLOEXEC = 02000000;
    // O_NOFOLLOW differs between architectures: 0100000 on arm64, 0400000 on x86-64 and most others.
    private static final int O_NOFOLLOW = System.getProperty("os.arch").equals("aarch64") ? 0100000 : 0400000;
    private static final int EINTR = 4;

    private final Path path;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment state = arena.allocate(CALL_STATE);
    private int fd;

    private CreatedFile(Path path) {
        this.path = path;
    }

    /** Creates {@code path}, which must not exist (not even as a symlink), with mode 0600 until {@link #setMode}. */
    static CreatedFile create(Path path) throws IOException {
        CreatedFile file = new CreatedFile(path);
        try {
            file.fd = (int) OPEN.invokeExact(file.state, file.arena.allocateFrom(path.toString()),
                    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        } catch (Throwable t) {
            file.arena.close();
            throw new IOException("creating " + path + ": " + t, t);
        }
        if (file.fd < 0) {
            int errno = file.errno();
            file.arena.close();
            throw new IOException("creating " + path + ": errno " + errno);
        }
        return file;
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        MemorySegment source = MemorySegment.ofArray(bytes);
        while (length > 0) {
            long written;
            try {
                written = (long) WRITE.invokeExact(state, fd, source.asSlice(offset, length), (long) length);
            } catch (Throwable t) {
                throw new IOException("writing " + path + ": " + t, t);
            }
            if (written < 0) {
                int errno = errno();
                if (errno == EINTR) {
                    continue;
                }
                throw new IOException("writing " + path + ": errno " + errno);
            }
            offset += (int) written;
            length -= (int) written;
        }
    }

    /** fchown; before {@link #setMode}, since a change of owner clears setuid and setgid. */
    void setOwner(long uid, long gid) throws IOException {
        try {
            check((int) FCHOWN.invokeExact(state, fd, (int) uid, (int) gid), "changing the owner of");
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("fchown " + path + ": " + t, t);
        }
    }

    void setMode(int mode) throws IOException {
        try {
            check((int) FCHMOD.invokeExact(state, fd, mode & 07777), "chmod");
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("fchmod " + path + ": " + t, t);
        }
    }

    /** Access and modification time. */
    void setTimes(Instant time) throws IOException {
        MemorySegment times = arena.allocate(ValueLayout.JAVA_LONG, 4);
        for (int i = 0; i < 2; i++) {
            times.setAtIndex(ValueLayout.JAVA_LONG, 2L * i, time.getEpochSecond());
            times.setAtIndex(ValueLayout.JAVA_LONG, 2L * i + 1, time.getNano());
        }
        try {
            check((int) FUTIMENS.invokeExact(state, fd, times), "setting times of");
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("futimens " + path + ": " + t, t);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            int result = (int) CLOSE.invokeExact(state, fd);
            // close(2) frees the descriptor even when it fails; EINTR is not worth a retry (Linux).
            if (result != 0 && errno() != EINTR) {
                throw new IOException("closing " + path + ": errno " + errno());
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("close " + path + ": " + t, t);
        } finally {
            arena.close();
        }
    }

    private void check(int result, String action) throws IOException {
        if (result != 0) {
            throw new IOException(action + " " + path + ": errno " + errno());
        }
    }

    private int errno() {
        return (int) ERRNO.get(state, 0L);
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.defaultLookup().find(name)
                .map(address -> LINKER.downcallHandle(address, descriptor, options))
                .orElseThrow(() -> new IllegalStateException("libc has no " + name));
    }
}
