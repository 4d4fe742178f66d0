package dev.berth.image;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to a blob by content: media type, digest and size, as OCI and Docker manifests hold them.
 *
 * @param size the blob's length in bytes, never negative
 * @param urls where a nondistributable layer can be fetched from, or empty
 * @param annotations string metadata, or empty
 * @param data the blob itself, embedded (OCI 1.1), as canonical standard base64 with padding, or empty
 * @param platform the platform of a manifest named by an index entry, when stated
 * @param artifactType the OCI 1.1 artifact type, or empty
 */
public record Descriptor(
        MediaType mediaType,
        Digest digest,
        long size,
        List<String> urls,
        Map<String, String> annotations,
        String data,
        Optional<Platform> platform,
        String artifactType) {

    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("descriptor size must not be negative: " + size);
        }
        urls = List.copyOf(urls);
        annotations = Map.copyOf(annotations);
        Objects.requireNonNull(data, "data");
        if (!data.isEmpty() && !canonicalBase64(data).equals(data)) {
            throw new IllegalArgumentException("descriptor data must be canonical base64");
        }
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(artifactType, "artifactType");
    }

    /** A plain descriptor with no urls, annotations, platform or artifact type. */
    public static Descriptor of(MediaType mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, List.of(), Map.of(), "", Optional.empty(), "");
    }

    public Descriptor withPlatform(Platform value) {
        return new Descriptor(mediaType, digest, size, urls, annotations, data, Optional.of(value), artifactType);
    }

    public Descriptor withAnnotations(Map<String, String> value) {
        return new Descriptor(mediaType, digest, size, urls, value, data, platform, artifactType);
    }

    /**
     * {@code text} decoded as Go decodes a {@code []byte} member (standard alphabet, line breaks ignored)
     * and encoded again, as Go would write it.
     *
     * @throws IllegalArgumentException when {@code text} is not base64
     */
    static String canonicalBase64(String text) {
        String encoded = text.replace("\r", "").replace("\n", "");
        // Java's decoder takes missing padding; Go's standard encoding does not.
        if (encoded.length() % 4 != 0) {
            throw new IllegalArgumentException("padded length must be a multiple of 4");
        }
        return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(encoded));
    }
}
