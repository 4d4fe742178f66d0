package dev.berth.api;

import dev.berth.image.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code berth images}: an image under one of its tags, under a repository it has only repo digests of
 * ({@code REPO <none>}), or once without a name when it has none ({@code <none> <none>} in Docker's listing).
 *
 * @param repository the familiar repository ({@code busybox}), empty for an image without names
 * @param tag the tag, empty for an image without names and for a row of repo digests only
 * @param digests the repo digests the image has in this row's repository (pulls and pushes record them), which
 *     {@code images --digests} shows a row each
 * @param id the image ID (the config digest)
 * @param manifest the digest of the manifest the store lists
 * @param created when the config says the image was made, if it says
 * @param size the bytes of its layers once applied, as Docker counts them (not the blobs' compressed sizes)
 * @param imageTagged whether the image has a tag in any repository (Docker's filters judge images, not rows)
 * @param imageNamed whether the image has any name: a tag or a repo digest
 */
public record ImageSummary(Optional<String> repository, Optional<String> tag, List<Digest> digests, Digest id,
                           Digest manifest, Optional<Instant> created, long size, boolean imageTagged,
                           boolean imageNamed) {

    public ImageSummary {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        digests = List.copyOf(digests);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(created, "created");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }

    /**
     * Docker's {@code dangling=true}: the image has no tag in any repository (a repo digest does not keep it from
     * being dangling); every row of such an image is.
     */
    public boolean isDangling() {
        return !imageTagged;
    }

    /**
     * Docker's {@code dangling=false}: the image has a tag or a repo digest. An image with repo digests only is
     * both dangling and named, as dockerd lists it under either filter; an image without names is neither named
     * nor kept by {@code dangling=false}.
     */
    public boolean isNamed() {
        return imageNamed;
    }
}
