package dev.berth.image;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OCI image index or a Docker manifest list: manifests for several platforms (or of other kinds),
 * each named by a {@link Descriptor} that usually carries a {@link Platform}.
 *
 * @param schemaVersion always 2
 * @param mediaType the index's own media type; OCI allows it to be absent
 * @param artifactType the OCI 1.1 artifact type, or empty
 */
public record ImageIndex(
        int schemaVersion,
        Optional<MediaType> mediaType,
        String artifactType,
        List<Descriptor> manifests,
        Optional<Descriptor> subject,
        Map<String, String> annotations) {

    public ImageIndex {
        if (schemaVersion != 2) {
            throw new IllegalArgumentException("index schemaVersion must be 2, not " + schemaVersion);
        }
        Objects.requireNonNull(mediaType, "mediaType");
        if (mediaType.filter(type -> type.value().isEmpty()).isPresent()) {
            throw new IllegalArgumentException("an empty index media type is written as no media type");
        }
        Objects.requireNonNull(artifactType, "artifactType");
        manifests = List.copyOf(manifests);
        Objects.requireNonNull(subject, "subject");
        annotations = Map.copyOf(annotations);
    }

    /** An OCI image index with no annotations. */
    public static ImageIndex oci(List<Descriptor> manifests) {
        return new ImageIndex(2, Optional.of(StandardMediaType.OCI_INDEX), "", manifests, Optional.empty(), Map.of());
    }

    /** True for a Docker manifest list, whose descriptors use Docker's key order. */
    public boolean isDocker() {
        return mediaType.filter(type -> type instanceof StandardMediaType standard && standard.isDocker())
                .isPresent();
    }
}
