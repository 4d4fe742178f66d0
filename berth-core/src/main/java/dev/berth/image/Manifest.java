package dev.berth.image;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An image manifest: an OCI image manifest or a Docker v2.2 manifest (the {@code mediaType} says which;
 * OCI allows it to be absent). Names the config blob and the layers, lowest first.
 *
 * @param schemaVersion always 2
 * @param artifactType the OCI 1.1 artifact type, or empty
 * @param subject the manifest this one refers to (OCI 1.1 referrers), when present
 */
public record Manifest(
        int schemaVersion,
        Optional<MediaType> mediaType,
        String artifactType,
        Descriptor config,
        List<Descriptor> layers,
        Optional<Descriptor> subject,
        Map<String, String> annotations) {

    public Manifest {
        if (schemaVersion != 2) {
            throw new IllegalArgumentException("manifest schemaVersion must be 2, not " + schemaVersion);
        }
        Objects.requireNonNull(mediaType, "mediaType");
        if (mediaType.filter(type -> type.value().isEmpty()).isPresent()) {
            throw new IllegalArgumentException("an empty manifest media type is written as no media type");
        }
        Objects.requireNonNull(artifactType, "artifactType");
        Objects.requireNonNull(config, "config");
        layers = List.copyOf(layers);
        Objects.requireNonNull(subject, "subject");
        annotations = Map.copyOf(annotations);
    }

    /** An OCI image manifest with no annotations. */
    public static Manifest oci(Descriptor config, List<Descriptor> layers) {
        return new Manifest(2, Optional.of(StandardMediaType.OCI_MANIFEST), "", config, layers, Optional.empty(),
                Map.of());
    }

    /** True when written in Docker's v2.2 format, whose descriptors use Docker's key order. */
    public boolean isDocker() {
        return mediaType.filter(type -> type instanceof StandardMediaType standard && standard.isDocker())
                .isPresent();
    }
}
