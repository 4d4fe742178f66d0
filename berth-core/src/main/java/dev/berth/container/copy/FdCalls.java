package dev.berth.container.copy;

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
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The descriptor-relative system calls {@code cp} needs, through FFM: {@code openat2(2)} with
 * {@code RESOLVE_IN_ROOT} (a path resolved as if the directory were {@code /}: no symlink, absolute or with
 * {@code ..}, leads above it, and the kernel checks it in the same call that opens, so no race swaps a component
 * after the check: CVE-2018-15664), and the {@code *at} calls on a parent descriptor and a single name. The JDK
 * has none of them; its path-string calls re-resolve every component each time.
 */
final class FdCalls {

    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_TRUNC = 01000;
    static final int O_PATH = 010000000;
    static final int O_CLOEXEC = 02000000;
    private static final boolean ARM = System.getProperty("os.arch").equals("aarch64");
    static final int O_DIRECTORY = ARM ? 040000 : 0200000;
    static final int O_NOFOLLOW = ARM ? 0100000 : 0400000;
    static final long RESOLVE_NO_MAGICLINKS = 0x02;
    static final long RESOLVE_IN_ROOT = 0x10;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int AT_REMOVEDIR = 0x200;
    static final int AT_EMPTY_PATH = 0x1000;
    private static final long SYS_OPENAT2 = 437;
    private static final int AT_FDCWD = -100;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private static final ValueLayout ADDRESS = ValueLayout.ADDRESS;
    private static final MethodHandle SYSCALL = handle("syscall", FunctionDescriptor.of(LONG, LONG, INT, ADDRESS, ADDRESS,
            LONG), Linker.Option.firstVariadicArg(1));
    private static final MethodHandle OPENAT = handle("openat", FunctionDescriptor.of(INT, INT, ADDRESS, INT, INT),
            Linker.Option.firstVariadicArg(3));
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle READ = handle("read", FunctionDescriptor.of(LONG, INT, ADDRESS, LONG));
    private static final MethodHandle WRITE = handle("write", FunctionDescriptor.of(LONG, INT, ADDRESS, LONG));
    private static final MethodHandle MKDIRAT = handle("mkdirat", FunctionDescriptor.of(INT, INT, ADDRESS, INT));
    private static final MethodHandle SYMLINKAT = handle("symlinkat", FunctionDescriptor.of(INT, ADDRESS, INT, ADDRESS));
    private static final MethodHandle READLINKAT = handle("readlinkat", FunctionDescriptor.of(LONG, INT, ADDRESS, ADDRESS,
            LONG));
    private static final MethodHandle UNLINKAT = handle("unlinkat", FunctionDescriptor.of(INT, INT, ADDRESS, INT));
    private static final MethodHandle FCHOWNAT = handle("fchownat", FunctionDescriptor.of(INT, INT, ADDRESS, INT, INT, INT));
    private static final MethodHandle FCHMOD = handle("fchmod", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle LINKAT = handle("linkat", FunctionDescriptor.of(INT, INT, ADDRESS, INT, ADDRESS, INT));
    private static final MethodHandle UTIMENSAT = handle("utimensat", FunctionDescriptor.of(INT, INT, ADDRESS, ADDRESS, INT));

    private FdCalls() {
    }

    /** {@code openat2(dirfd, path, {flags, mode, resolve})}. */
    static int openat2(int dirfd, String path, int flags, int mode, long resolve) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment how = arena.allocate(24, 8);
            how.set(LONG, 0, flags & 0xffffffffL);
            how.set(LONG, 8, mode);
            how.set(LONG, 16, resolve);
            MemorySegment state = arena.allocate(CALL_STATE);
            long fd = (long) SYSCALL.invokeExact(state, SYS_OPENAT2, dirfd, arena.allocateFrom(path), how, 24L);
            return (int) check(fd, state, "openat2", path);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("openat2 " + path + ": " + t, t);
        }
    }

    /** {@code openat(dirfd, name, flags, mode)}; {@code dirfd} -1 means the working directory. */
    static int openat(int dirfd, String name, int flags, int mode) throws IOException {
        return (int) call(OPENAT, "open", name, dirfd < 0 ? AT_FDCWD : dirfd, name, flags, mode);
    }

    static void close(int fd) {
        try {
            call(CLOSE, "close", "descriptor " + fd, fd);
        } catch (IOException ignored) {
            // Nothing to do about a descriptor that does not close.
        }
    }

    static int read(int fd, MemorySegment buffer, String what) throws IOException {
        return (int) call(READ, "read", what, fd, buffer, buffer.byteSize());
    }

    static void writeFully(int fd, MemorySegment buffer, long length, String what) throws IOException {
        long offset = 0;
        while (offset < length) {
            offset += call(WRITE, "write", what, fd, buffer.asSlice(offset), length - offset);
        }
    }

    static void mkdirat(int dirfd, String name, int mode) throws IOException {
        call(MKDIRAT, "mkdir", name, dirfd, name, mode);
    }

    static void symlinkat(String target, int dirfd, String name) throws IOException {
        call(SYMLINKAT, "symlink", name, target, dirfd, name);
    }

    /** The target of the symlink {@code fd} (an {@code O_PATH|O_NOFOLLOW} descriptor of it). */
    static String readlink(int fd, String what) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(4097);
            MemorySegment state = arena.allocate(CALL_STATE);
            long length = (long) READLINKAT.invokeExact(state, fd, arena.allocateFrom(""), buffer, 4096L);
            check(length, state, "readlink", what);
            return new String(buffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("readlink " + what + ": " + t, t);
        }
    }

    static void unlinkat(int dirfd, String name, boolean directory) throws IOException {
        call(UNLINKAT, "unlink", name, dirfd, name, directory ? AT_REMOVEDIR : 0);
    }

    /** Owner of {@code name} in {@code dirfd} itself, never a symlink's target. */
    static void lchownat(int dirfd, String name, long uid, long gid) throws IOException {
        call(FCHOWNAT, "chown", name, dirfd, name, (int) uid, (int) gid, AT_SYMLINK_NOFOLLOW);
    }

    static void fchmod(int fd, int mode, String what) throws IOException {
        call(FCHMOD, "chmod", what, fd, mode & 07777);
    }

    static void linkat(int fromDir, String fromName, int toDir, String toName) throws IOException {
        call(LINKAT, "link", toName, fromDir, fromName, toDir, toName, 0);
    }

    /** Sets both times of {@code name} itself (never a symlink's target) to {@code seconds}. */
    static void setTimes(int dirfd, String name, long seconds) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment times = arena.allocate(32, 8);
            times.set(LONG, 0, seconds);
            times.set(LONG, 16, seconds);
            MemorySegment state = arena.allocate(CALL_STATE);
            int result = (int) UTIMENSAT.invokeExact(state, dirfd, arena.allocateFrom(name), times, AT_SYMLINK_NOFOLLOW);
            check(result, state, "utimensat", name);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("utimensat " + name + ": " + t, t);
        }
    }

    private static long call(MethodHandle handle, String action, String what, Object... args) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            Object[] full = new Object[args.length + 1];
            full[0] = state;
            for (int i = 0; i < args.length; i++) {
                full[i + 1] = args[i] instanceof String text ? arena.allocateFrom(text) : args[i];
            }
            Object result = handle.invokeWithArguments(full);
            long value = result instanceof Integer i ? i : (Long) result;
            return check(value, state, action, what);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(action + " " + what + ": " + t, t);
        }
    }

    private static long check(long result, MemorySegment state, String action, String what) throws IOException {
        if (result >= 0) {
            return result;
        }
        int errno = (int) ERRNO.get(state, 0L);
        throw switch (errno) {
            case 2 -> new NoSuchFileException(what);
            case 13, 1 -> new AccessDeniedException(what, null, action + ": permission denied");
            case 17 -> new FileAlreadyExistsException(what);
            case 20 -> new NotDirectoryException(what);
            case 18 -> new FileSystemException(what, null, action + ": path escapes the root (EXDEV)");
            case 40 -> new FileSystemException(what, null, action + ": too many levels of symbolic links");
            case 30 -> new FileSystemException(what, null, action + ": read-only file system");
            case 21 -> new FileSystemException(what, null, action + ": is a directory");
            case 38 -> new FileSystemException(what, null, action + ": openat2 is not supported by this kernel (5.6+)");
            default -> new FileSystemException(what, null, action + ": errno " + errno);
        };
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker.Option[] all = new Linker.Option[options.length + 1];
        all[0] = Linker.Option.captureCallState("errno");
        System.arraycopy(options, 0, all, 1, options.length);
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor, all);
    }
}
