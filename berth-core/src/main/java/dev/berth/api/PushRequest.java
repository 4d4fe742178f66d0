package dev.berth.api;

import dev.berth.image.Compression;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code berth push}; made with {@link #builder}.
 *
 * @param reference where to push, {@code 127.0.0.1:5000/app:1}
 * @param source the stored image to push when it is not {@code reference} itself (an ID or another name); empty
 *     pushes the image named {@code reference}
 * @param compressionFormat Podman's {@code --compression-format}: every layer not already so compressed is
 *     recompressed to it ({@link Compression#ZSTD} makes the pushed manifest an OCI one); empty compresses only
 *     the layers the store keeps uncompressed, with gzip
 * @param compressionLevel Podman's {@code --compression-level} for the layers the push compresses (gzip 0-9, zstd
 *     1-22); empty for the format's default
 */
public record PushRequest(String reference, Optional<String> source, Optional<Compression> compressionFormat,
                          Optional<Integer> compressionLevel) {

    public PushRequest {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(compressionFormat, "compressionFormat");
        Objects.requireNonNull(compressionLevel, "compressionLevel");
        if (reference.isBlank()) {
            throw new IllegalArgumentException("a push needs an image reference");
        }
    }

    public static Builder builder(String reference) {
        return new Builder(reference);
    }

    /** This push's options for another reference (each tag of {@code push --all-tags}). */
    PushRequest withReference(String other) {
        return new PushRequest(other, source, compressionFormat, compressionLevel);
    }

    /** Sets the fields one by one; not thread-safe. */
    public static final class Builder {
        private final String reference;
        private Optional<String> source = Optional.empty();
        private Optional<Compression> compressionFormat = Optional.empty();
        private Optional<Integer> compressionLevel = Optional.empty();

        private Builder(String reference) {
            this.reference = reference;
        }

        public Builder source(String value) {
            source = Optional.of(value);
            return this;
        }

        public Builder compressionFormat(Compression value) {
            compressionFormat = Optional.of(value);
            return this;
        }

        public Builder compressionLevel(int value) {
            compressionLevel = Optional.of(value);
            return this;
        }

        public PushRequest build() {
            return new PushRequest(reference, source, compressionFormat, compressionLevel);
        }
    }
}
