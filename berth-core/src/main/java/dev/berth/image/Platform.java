package dev.berth.image;

import java.util.List;
import java.util.Objects;

/**
 * The platform an image runs on, as an index entry or an image config states it. Empty strings and
 * lists mean "not stated" (they are omitted from JSON, as Go's {@code omitempty} does).
 *
 * @param os the operating system, e.g. {@code linux}; required
 * @param architecture the CPU architecture in Go's naming, e.g. {@code amd64}, {@code arm64}; required
 * @param variant the CPU variant, e.g. {@code v7} for {@code arm}, or empty
 * @param osVersion {@code os.version}, used by Windows images, or empty
 * @param osFeatures {@code os.features}, or empty
 */
public record Platform(String os, String architecture, String variant, String osVersion, List<String> osFeatures) {

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(osVersion, "osVersion");
        osFeatures = List.copyOf(osFeatures);
    }

    public static Platform of(String os, String architecture) {
        return new Platform(os, architecture, "", "", List.of());
    }

    public static Platform of(String os, String architecture, String variant) {
        return new Platform(os, architecture, variant, "", List.of());
    }

    /** {@code os/architecture[/variant]}, the form {@code --platform} takes. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
}
