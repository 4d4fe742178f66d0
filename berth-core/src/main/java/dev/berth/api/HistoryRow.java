package dev.berth.api;

import dev.berth.image.Digest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of {@code berth history}, newest first as Docker prints them.
 *
 * @param image the image ID on the newest row only; Docker shows {@code <missing>} for the others,
 *              whose intermediate images were never stored locally
 * @param size the bytes of the layer this step made as Docker counts them (its files once applied, not
 *     its blob), 0 for a step with no layer
 */
public record HistoryRow(Optional<Digest> image, Optional<Instant> created, String createdBy, long size,
                         String comment) {

    public HistoryRow {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
    }
}
