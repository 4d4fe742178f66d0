package dev.berth.api;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import java.util.List;
import java.util.Objects;

/**
 * A finished build: the image ID (the config's digest, what {@code --iidfile} gets), the manifest's
 * digest, the config itself, the tags given, and the Dockerfile's warnings.
 */
public record BuildResult(Digest imageId, Digest manifest, ImageConfig config, List<String> tags,
        List<Diagnostic> warnings) {

    public BuildResult {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(config, "config");
        tags = List.copyOf(tags);
        warnings = List.copyOf(warnings);
    }
}
