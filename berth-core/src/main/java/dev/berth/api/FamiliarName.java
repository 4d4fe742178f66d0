package dev.berth.api;

import dev.berth.image.ImageReference;
import dev.berth.image.InvalidReferenceException;
import java.util.Optional;

/**
 * A stored name as Docker shows it: {@code docker.io/library/busybox:latest} is repository
 * {@code busybox}, tag {@code latest}. Names other tools wrote that are not references (skopeo's
 * short {@code ref.name}s) are shown as they are, split at the tag's colon.
 */
record FamiliarName(String repository, Optional<String> tag) {

    static FamiliarName of(String stored) {
        try {
            ImageReference reference = ImageReference.parse(stored);
            return new FamiliarName(reference.familiarName(), reference.tag());
        } catch (InvalidReferenceException e) {
            int colon = stored.lastIndexOf(':');
            if (colon > stored.lastIndexOf('/')) {
                return new FamiliarName(stored.substring(0, colon), Optional.of(stored.substring(colon + 1)));
            }
            return new FamiliarName(stored, Optional.empty());
        }
    }

    /** {@code busybox:latest}, as {@code RepoTags} and {@code Untagged:} lines show it. */
    String text() {
        return tag.map(t -> repository + ":" + t).orElse(repository);
    }
}
