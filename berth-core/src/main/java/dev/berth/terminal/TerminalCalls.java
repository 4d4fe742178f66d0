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
import java.util.Optional;

/**
 * The terminal calls of the C library, through the foreign function API as {@code layer.NativeFileCalls} makes
 * {@code mknod}: {@code isatty}, {@code tcgetattr}/{@code tcsetattr}, {@code cfmakeraw} and the {@code TIOCGWINSZ}
 * ioctl. Needs {@code --enable-native-access} (the launcher and the tests give it).
 */
public final class TerminalCalls {

    /** glibc's {@code struct termios} is 60 bytes on Linux; room to spare, never read field by field. */
    static final long TERMIOS_SIZE = 64;
    private static final int TCSANOW = 0;
    private static final long TIOCGWINSZ = 0x5413;
    private static final long TIOCSWINSZ = 0x5414;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle ISATTY = LINKER.downcallHandle(LINKER.defaultLookup().find("isatty")
            .orElseThrow(() -> new IllegalStateException("libc has no isatty")),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle TCGETATTR = handle("tcgetattr",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    private static final MethodHandle TCSETATTR = handle("tcsetattr",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    private static final MethodHandle CFMAKERAW = LINKER.downcallHandle(LINKER.defaultLookup().find("cfmakeraw")
            .orElseThrow(() -> new IllegalStateException("libc has no cfmakeraw")), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
    // ioctl is variadic: the third argument is passed as a variadic one.
    private static final MethodHandle IOCTL = LINKER.defaultLookup().find("ioctl")
            .map(address -> LINKER.downcallHandle(address, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_LONG, ValueLayout.ADDRESS), Linker.Option.firstVariadicArg(2),
                    Linker.Option.captureCallState("errno")))
            .orElseThrow(() -> new IllegalStateException("libc has no ioctl"));

    private TerminalCalls() {
    }

    /** Whether descriptor {@code fd} of this process is a terminal (0: standard input). */
    public static boolean isTerminal(int fd) {
        try {
            return (int) ISATTY.invokeExact(fd) == 1;
        } catch (Throwable t) {
            throw new IllegalStateException("isatty(" + fd + "): " + t, t);
        }
    }

    /** The terminal's modes, as {@code tcgetattr} gives them (an opaque {@code struct termios}). */
    static byte[] modes(int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment termios = arena.allocate(TERMIOS_SIZE);
            check((int) TCGETATTR.invokeExact(state, fd, termios), state, "tcgetattr", fd);
            return termios.toArray(ValueLayout.JAVA_BYTE);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("tcgetattr(" + fd + "): " + t, t);
        }
    }

    /** Sets the terminal's modes at once ({@code TCSANOW}). */
    static void setModes(int fd, byte[] modes) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment termios = arena.allocateFrom(ValueLayout.JAVA_BYTE, modes);
            check((int) TCSETATTR.invokeExact(state, fd, TCSANOW, termios), state, "tcsetattr", fd);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("tcsetattr(" + fd + "): " + t, t);
        }
    }

    /** {@code modes} made raw by {@code cfmakeraw}: no echo, no line editing, no signals from keys, 8-bit bytes. */
    static byte[] raw(byte[] modes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment termios = arena.allocateFrom(ValueLayout.JAVA_BYTE, modes);
            CFMAKERAW.invokeExact(termios);
            return termios.toArray(ValueLayout.JAVA_BYTE);
        } catch (Throwable t) {
            throw new IllegalStateException("cfmakeraw: " + t, t);
        }
    }

    /** The window size of the terminal on {@code fd}; empty when it is not a terminal. */
    public static Optional<WindowSize> windowSize(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment winsize = arena.allocate(ValueLayout.JAVA_SHORT, 4);
            int result = (int) IOCTL.invokeExact(state, fd, TIOCGWINSZ, winsize);
            if (result != 0) {
                return Optional.empty();
            }
            return Optional.of(new WindowSize(Short.toUnsignedInt(winsize.getAtIndex(ValueLayout.JAVA_SHORT, 0)),
                    Short.toUnsignedInt(winsize.getAtIndex(ValueLayout.JAVA_SHORT, 1))));
        } catch (Throwable t) {
            throw new IllegalStateException("ioctl(" + fd + ", TIOCGWINSZ): " + t, t);
        }
    }

    /** Sets the window size of the terminal on {@code fd} (the kernel then sends its foreground group SIGWINCH). */
    public static void setWindowSize(int fd, WindowSize size) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment winsize = arena.allocate(ValueLayout.JAVA_SHORT, 4);
            winsize.setAtIndex(ValueLayout.JAVA_SHORT, 0, (short) size.rows());
            winsize.setAtIndex(ValueLayout.JAVA_SHORT, 1, (short) size.columns());
            check((int) IOCTL.invokeExact(state, fd, TIOCSWINSZ, winsize), state, "ioctl TIOCSWINSZ", fd);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("ioctl(" + fd + ", TIOCSWINSZ): " + t, t);
        }
    }

    private static void check(int result, MemorySegment state, String call, int fd) throws IOException {
        if (result != 0) {
            throw new IOException(call + "(" + fd + "): errno " + (int) ERRNO.get(state, 0L));
        }
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        return LINKER.defaultLookup().find(name)
                .map(address -> LINKER.downcallHandle(address, descriptor, Linker.Option.captureCallState("errno")))
                .orElseThrow(() -> new IllegalStateException("libc has no " + name));
    }
}
