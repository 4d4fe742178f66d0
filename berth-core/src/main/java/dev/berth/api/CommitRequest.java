package dev.berth.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code berth commit}: a container's changes made into a new image on top of its image.
 *
 * @param container the container's name, ID or unique ID prefix
 * @param reference {@code REPOSITORY[:TAG]} to tag the image with ({@code latest} by default); untagged if empty
 * @param message   {@code -m}: the commit message, the image's {@code comment} and its history entry's
 * @param author    {@code -a}: the image's author
 * @param changes   {@code -c}: Dockerfile instructions (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL,
 *                  USER, VOLUME, WORKDIR) applied to the config, in order
 */
public record CommitRequest(String container, Optional<String> reference, String message, String author,
        List<String> changes) {

    public CommitRequest {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(author, "author");
        changes = List.copyOf(changes);
    }

    /** The container committed untagged, with no message, author or change. */
    public static CommitRequest of(String container) {
        return new CommitRequest(container, Optional.empty(), "", "", List.of());
    }
}
