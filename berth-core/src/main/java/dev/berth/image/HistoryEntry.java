package dev.berth.image;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of an image's history. Empty strings are omitted from JSON; {@code empty_layer} is written
 * only when true, as Docker does.
 *
 * @param createdBy the command that made the step, e.g. {@code RUN /bin/sh -c make}
 * @param emptyLayer true when the step added no layer (ENV, CMD, ...), so it has no diff ID
 */
public record HistoryEntry(
        Optional<Instant> created, String createdBy, String author, String comment, boolean emptyLayer) {

    public HistoryEntry {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(comment, "comment");
    }
}
