package dev.berth.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code berth push}; made with {@link #builder}.
 *
 * @param reference where to push, {@code 127.0.0.1:5000/app:1}
 * @param source the stored image to push when it is not {@code reference} itself (an ID or another name); empty
 *     pushes the image named {@code reference}
 */
public record PushRequest(String reference, Optional<String> source) {

    public PushRequest {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(source, "source");
        if (reference.isBlank()) {
            throw new IllegalArgumentException("a push needs an image reference");
        }
    }

    public static Builder builder(String reference) {
        return new Builder(reference);
    }

    /** Sets the fields one by one; not thread-safe. */
    public static final class Builder {
        private final String reference;
        private Optional<String> source = Optional.empty();

        private Builder(String reference) {
            this.reference = reference;
        }

        public Builder source(String value) {
            source = Optional.of(value);
            return this;
        }

        public PushRequest build() {
            return new PushRequest(reference, source);
        }
    }
}
