package dev.berth.archive;

import dev.berth.image.Platform;
import java.util.Locale;

/** This machine's platform in Go's terms, as Docker records it in images it makes and picks from indexes. */
public final class HostPlatform {

    private HostPlatform() {
    }

    /** {@code linux/<GOARCH>}: the one platform builds are made on and for, and images are picked by. */
    public static Platform platform() {
        return Platform.of("linux", architecture());
    }

    /** GOARCH for the JVM's {@code os.arch}: {@code amd64}, {@code arm64}, ... */
    public static String architecture() {
        return architecture(System.getProperty("os.arch"));
    }

    /** GOARCH for a Java {@code os.arch} value. */
    static String architecture(String javaArch) {
        String arch = javaArch.toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> arch;
        };
    }
}
