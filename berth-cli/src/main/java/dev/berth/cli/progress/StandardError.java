package dev.berth.cli.progress;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** Whether the process's standard error is a terminal, which decides {@code --progress=auto}. */
public final class StandardError {

    private static final int STDERR = 2;

    private StandardError() {
    }

    /**
     * {@code isatty(2)} through the FFM API when native access is enabled (the {@code berth} launcher
     * enables it); otherwise the JDK's console check, which looks at standard input and output instead.
     */
    public static boolean isTerminal() {
        if (StandardError.class.getModule().isNativeAccessEnabled()) {
            try {
                Linker linker = Linker.nativeLinker();
                MethodHandle isatty = linker.downcallHandle(linker.defaultLookup().find("isatty").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                return (int) isatty.invokeExact(STDERR) == 1;
            } catch (Throwable e) {
                // A libc without isatty: the console check below is the documented fallback.
                return consoleIsTerminal();
            }
        }
        return consoleIsTerminal();
    }

    private static boolean consoleIsTerminal() {
        return System.console() != null && System.console().isTerminal();
    }
}
