package dev.berth.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One mount the runtime makes inside the container.
 *
 * @param destination absolute path in the container
 * @param type        file system type ({@code proc}, {@code tmpfs}, {@code bind}, ...)
 * @param source      device, file system name or, for a bind mount, the absolute host path
 * @param options     mount options ({@code nosuid}, {@code ro}, {@code rbind}, {@code mode=755}, ...)
 */
public record MountSpec(String destination, String type, String source, List<String> options) {

    public MountSpec {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        options = List.copyOf(options);
        if (!destination.startsWith("/")) {
            throw new IllegalArgumentException("a mount destination must be absolute: " + destination);
        }
    }

    /**
     * A recursive bind mount of a host path, as Docker makes for volumes and for {@code /etc/hosts},
     * {@code /etc/resolv.conf} and {@code /etc/hostname}: {@code rbind} and {@code rprivate}, plus {@code ro}
     * if asked.
     */
    public static MountSpec bind(Path source, String destination, boolean readOnly) {
        if (!source.isAbsolute()) {
            throw new IllegalArgumentException("a bind mount source must be absolute: " + source);
        }
        List<String> options = readOnly ? List.of("rbind", "rprivate", "ro") : List.of("rbind", "rprivate");
        return new MountSpec(destination, "bind", source.toString(), options);
    }
}
