package dev.berth.image;

import java.util.Objects;

/**
 * A blob's media type. The standard OCI and Docker types are {@link StandardMediaType} constants; any
 * other string is kept verbatim as {@link Other}, so reading and writing a manifest never loses data.
 */
public sealed interface MediaType permits StandardMediaType, MediaType.Other {

    /** The media type string exactly as it appears in JSON. */
    String value();

    /** True for filesystem layer blobs of the OCI or Docker formats. */
    boolean isLayer();

    /** The compression of a layer blob; {@link Compression#NONE} for everything that is not a layer. */
    Compression compression();

    /** The standard type spelled {@code value}, or an {@link Other} holding it; never fails. */
    static MediaType parse(String value) {
        Objects.requireNonNull(value, "value");
        return StandardMediaType.byValue(value).<MediaType>map(type -> type).orElseGet(() -> new Other(value));
    }

    /** A media type Berth does not know; it is carried through unchanged and treated as opaque. */
    record Other(String value) implements MediaType {

        public Other {
            Objects.requireNonNull(value, "value");
            if (StandardMediaType.byValue(value).isPresent()) {
                throw new IllegalArgumentException("\"" + value + "\" is a standard media type; use MediaType.parse");
            }
        }

        @Override
        public boolean isLayer() {
            return false;
        }

        @Override
        public Compression compression() {
            return Compression.NONE;
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
