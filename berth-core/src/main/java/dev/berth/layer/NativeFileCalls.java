package dev.berth.layer;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Linux calls the JDK lacks, through the foreign function API: {@code mknod} for device nodes and
 * FIFOs, and the {@code l*xattr} family, which never follows a symlink and reaches every namespace
 * ({@code security.}, {@code trusted.}), not only {@code user.}. Needs
 * {@code --enable-native-access=dev.berth.core} (or {@code ALL-UNNAMED} on the class path).
 */
public final class NativeFileCalls {

    static final int S_IFCHR = 0020000;
    static final int S_IFBLK = 0060000;
    static final int S_IFIFO = 0010000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
    private static final MethodHandle MKNOD = handle("mknod",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    private static final MethodHandle LSETXATTR = handle("lsetxattr",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle LLISTXATTR = handle("llistxattr",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle LGETXATTR = handle("lgetxattr",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG));

    private static final MethodHandle CHMOD = handle("chmod",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle LCHOWN = handle("lchown",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle UTIMENSAT = handle("utimensat",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_INT));
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;

    private NativeFileCalls() {
    }

    /**
     * chmod. Only for paths the caller knows are not symlinks. The JDK's attribute views open the file
     * to change it, which blocks on a FIFO and has side effects on devices; these calls do not open it.
     */
    static void chmod(Path path, int mode) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int result = (int) CHMOD.invokeExact(state, arena.allocateFrom(path.toString()), mode & 07777);
            check(result, state, "chmod", path);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("chmod " + path + ": " + t, t);
        }
    }

    /** Changes the owner of {@code path} itself, never a symlink's target. */
    static void lchown(Path path, long uid, long gid) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int result = (int) LCHOWN.invokeExact(state, arena.allocateFrom(path.toString()), (int) uid, (int) gid);
            check(result, state, "lchown", path);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("lchown " + path + ": " + t, t);
        }
    }

    /** Sets access and modification time of {@code path} itself (a symlink's own times), without opening it. */
    static void setTimes(Path path, java.time.Instant time) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment times = arena.allocate(ValueLayout.JAVA_LONG, 4);
            for (int i = 0; i < 2; i++) {
                times.setAtIndex(ValueLayout.JAVA_LONG, 2L * i, time.getEpochSecond());
                times.setAtIndex(ValueLayout.JAVA_LONG, 2L * i + 1, time.getNano());
            }
            int result = (int) UTIMENSAT.invokeExact(state, AT_FDCWD, arena.allocateFrom(path.toString()), times,
                    AT_SYMLINK_NOFOLLOW);
            check(result, state, "setting times of", path);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("utimensat " + path + ": " + t, t);
        }
    }

    /** Creates a device node or FIFO; {@code type} is one of the {@code S_IF*} constants. */
    static void mknod(Path path, int type, int mode, int major, int minor) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int result = (int) MKNOD.invokeExact(state, arena.allocateFrom(path.toString()), type | (mode & 07777),
                    makedev(major, minor));
            check(result, state, "mknod", path);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("mknod " + path + ": " + t, t);
        }
    }

    /** Creates a named pipe ({@code mkfifo(3)}), for another package that needs one without a child process. */
    public static void makeFifo(Path path, int mode) throws IOException {
        mknod(path, S_IFIFO, mode, 0, 0);
    }

    /** Sets an extended attribute on {@code path} itself, even when it is a symlink. */
    static void setXattr(Path path, String name, byte[] value) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment data = arena.allocate(Math.max(1, value.length));
            MemorySegment.copy(value, 0, data, ValueLayout.JAVA_BYTE, 0, value.length);
            int result = (int) LSETXATTR.invokeExact(state, arena.allocateFrom(path.toString()),
                    arena.allocateFrom(name), data, (long) value.length, 0);
            check(result, state, "setting xattr " + name + " on", path);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("lsetxattr " + path + ": " + t, t);
        }
    }

    /** Every extended attribute of {@code path} itself, by name, values decoded as UTF-8. */
    static Map<String, String> xattrs(Path path) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment cPath = arena.allocateFrom(path.toString());
            // Asking for the size first spares two 64 KiB buffers for the many files that have no xattrs.
            long needed = (long) LLISTXATTR.invokeExact(state, cPath, MemorySegment.NULL, 0L);
            if (needed == 0) {
                return result;
            }
            MemorySegment names = arena.allocate(Math.max(needed, 64 * 1024));
            long length = (long) LLISTXATTR.invokeExact(state, cPath, names, names.byteSize());
            if (length < 0) {
                int errno = (int) ERRNO.get(state, 0L);
                if (errno == 95 /* ENOTSUP: the file system keeps none */) {
                    return result;
                }
                throw new IOException("listing xattrs of " + path + ": errno " + errno);
            }
            MemorySegment value = arena.allocate(64 * 1024);
            long start = 0;
            for (long i = 0; i < length; i++) {
                if (names.get(ValueLayout.JAVA_BYTE, i) == 0) {
                    String name = names.getString(start);
                    long size = (long) LGETXATTR.invokeExact(state, cPath, names.asSlice(start), value, value.byteSize());
                    if (size >= 0) {
                        result.put(name, new String(value.asSlice(0, size).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8));
                    }
                    start = i + 1;
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("llistxattr " + path + ": " + t, t);
        }
        return result;
    }

    /** Linux's {@code makedev}: 12 bits of major and 20 of minor, split across the 64-bit value. */
    static long makedev(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8) | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }

    static int major(long dev) {
        return (int) (((dev >>> 32) & 0xfffff000L) | ((dev >>> 8) & 0xfffL));
    }

    static int minor(long dev) {
        return (int) (((dev >>> 12) & 0xffffff00L) | (dev & 0xffL));
    }

    private static void check(int result, MemorySegment state, String action, Path path) throws IOException {
        if (result != 0) {
            throw new IOException(action + " " + path + ": errno " + (int) ERRNO.get(state, 0L));
        }
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        return LINKER.defaultLookup().find(name)
                .map(address -> LINKER.downcallHandle(address, descriptor, CAPTURE))
                .orElseThrow(() -> new IllegalStateException("libc has no " + name));
    }
}
