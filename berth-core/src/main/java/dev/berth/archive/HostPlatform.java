package dev.berth.archive;

import java.util.Locale;

/** This machine's platform in Go's terms, as Docker records it in images it makes and picks from indexes. */
public final class HostPlatform {

    private HostPlatform() {
    }

    /** GOARCH for the JVM's {@code os.arch}: {@code amd64}, {@code arm64}, ... */
    public static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> arch;
        };
    }
}
