package dev.berth.sbom;

import dev.berth.image.Digest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every package an image holds, in a fixed order (by cataloger, then each cataloger's order).
 *
 * @param image the image ID (config digest), which document ids derive from
 * @param name  the name the user gave ({@code debian:bookworm}), for the documents' titles
 */
public record Inventory(Digest image, String name, Optional<Distro> distro, List<FoundPackage> packages) {

    public Inventory {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(distro, "distro");
        packages = List.copyOf(packages);
    }
}
