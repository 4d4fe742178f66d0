package dev.berth.api;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.image.Digest;
import java.util.List;
import java.util.Objects;

/**
 * A finished build: the image ID (the config's digest, what {@code --iidfile} gets), the manifest's
 * digest, the tags given, and the Dockerfile's warnings. {@link Berth#inspect} reads the image's config: an
 * up-to-date rebuild answers without reading it.
 */
public record BuildResult(Digest imageId, Digest manifest, List<String> tags, List<Diagnostic> warnings) {

    public BuildResult {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(manifest, "manifest");
        tags = List.copyOf(tags);
        warnings = List.copyOf(warnings);
    }
}
