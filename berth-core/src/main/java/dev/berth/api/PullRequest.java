package dev.berth.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code berth pull}; made with {@link #builder}.
 *
 * @param reference {@code alpine}, {@code 127.0.0.1:5000/app:1}, {@code NAME@sha256:...}
 * @param platform {@code os/arch[/variant]} to pick from an index; the host's when empty
 * @param allTags {@code -a}: every tag of the repository
 */
public record PullRequest(String reference, Optional<String> platform, boolean allTags) {

    public PullRequest {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(platform, "platform");
        if (reference.isBlank()) {
            throw new IllegalArgumentException("a pull needs an image reference");
        }
    }

    public static Builder builder(String reference) {
        return new Builder(reference);
    }

    /** Sets the fields one by one; not thread-safe. */
    public static final class Builder {
        private final String reference;
        private Optional<String> platform = Optional.empty();
        private boolean allTags;

        private Builder(String reference) {
            this.reference = reference;
        }

        public Builder platform(String value) {
            platform = Optional.of(value);
            return this;
        }

        public Builder allTags(boolean value) {
            allTags = value;
            return this;
        }

        public PullRequest build() {
            return new PullRequest(reference, platform, allTags);
        }
    }
}
