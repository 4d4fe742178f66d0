package dev.berth.snapshot;

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
 * libc's {@code mount(2)} and {@code umount2(2)} through the foreign function API: the JDK has neither, and a
 * shell-out to {@code mount} would depend on util-linux and its option parsing. Needs
 * {@code --enable-native-access}.
 */
final class LinuxMounts {

    /** The kernel copies mount data into one page; a longer option string fails with EINVAL. */
    static final int MAX_OPTIONS_BYTES = 4095;

    private static final int MNT_DETACH = 2;
    private static final int EINVAL = 22;
    private static final int ENOENT = 2;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle MOUNT = handle("mount", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
    private static final MethodHandle UMOUNT2 = handle("umount2",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

    private LinuxMounts() {
    }

    /** Mounts an overlay file system at {@code target} with the given option string ({@code lowerdir=...}). */
    static void mountOverlay(String options, Path target) throws IOException {
        byte[] data = options.getBytes(StandardCharsets.UTF_8);
        if (data.length > MAX_OPTIONS_BYTES) {
            throw new IOException("overlay options are " + data.length + " bytes, over the kernel's page limit of "
                    + MAX_OPTIONS_BYTES);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int result = (int) MOUNT.invokeExact(state, arena.allocateFrom("overlay"),
                    arena.allocateFrom(target.toString()), arena.allocateFrom("overlay"), 0L, arena.allocateFrom(options));
            if (result != 0) {
                int errno = (int) ERRNO.get(state, 0L);
                throw new IOException("mounting overlay at " + target + ": errno " + errno
                        + (errno == EINVAL ? " (invalid argument: is overlayfs available, and are the dirs on one file system?)" : ""));
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("mount " + target + ": " + t, t);
        }
    }

    /**
     * Detaches the mount at {@code target} (lazily, so a process still inside cannot keep it busy).
     *
     * @return false when nothing was mounted there
     */
    static boolean unmount(Path target) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int result = (int) UMOUNT2.invokeExact(state, arena.allocateFrom(target.toString()), MNT_DETACH);
            if (result != 0) {
                int errno = (int) ERRNO.get(state, 0L);
                if (errno == EINVAL || errno == ENOENT) {
                    return false;
                }
                throw new IOException("unmounting " + target + ": errno " + errno);
            }
            return true;
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("umount2 " + target + ": " + t, t);
        }
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        return LINKER.defaultLookup().find(name)
                .map(address -> LINKER.downcallHandle(address, descriptor, Linker.Option.captureCallState("errno")))
                .orElseThrow(() -> new IllegalStateException("libc has no " + name));
    }
}
