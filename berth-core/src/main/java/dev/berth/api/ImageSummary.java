package dev.berth.api;

import dev.berth.image.Digest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code berth images}: an image under one of its names, or once without a name when it has
 * none (a dangling image, {@code <none>} in Docker's listing).
 *
 * @param repository the familiar repository ({@code busybox}), empty for a dangling image
 * @param tag the tag, empty for a dangling image
 * @param id the image ID (the config digest)
 * @param manifest the digest of the manifest the store lists
 * @param created when the config says the image was made, if it says
 * @param size the bytes of its layers once applied, as Docker counts them (not the blobs' compressed sizes)
 */
public record ImageSummary(Optional<String> repository, Optional<String> tag, Digest id, Digest manifest,
                           Optional<Instant> created, long size) {

    public ImageSummary {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(created, "created");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }

    public boolean isDangling() {
        return repository.isEmpty();
    }
}
