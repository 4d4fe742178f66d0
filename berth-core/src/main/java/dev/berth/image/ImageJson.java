package dev.berth.image;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import java.io.IOException;
import java.util.function.Function;

/**
 * The one JSON codec of the image model. Reading is tolerant the way Docker is (unknown members are
 * ignored, or kept verbatim in an image config; {@code null} means absent; member names also match
 * case-insensitively) and strict where ambiguity would hurt: wrong types, duplicate keys, trailing data
 * and oversized documents are refused with an {@link InvalidInputException} whose message names the
 * member's path ({@code config.Env[2]: expected a string, found a number}). Readers throw nothing else.
 *
 * <p>Writing is canonical: compact, in a fixed member order, with Go's escaping and omission rules, so
 * one image always has one digest, and a canonical document read and written again is byte-identical.
 * Instances are immutable and thread-safe.
 */
public final class ImageJson {

    /** The largest manifest or index read by default: 4 MiB, the limit registries and containerd use. */
    public static final long DEFAULT_MAX_MANIFEST_BYTES = 4L << 20;
    /** The largest image config read by default: 64 MiB. */
    public static final long DEFAULT_MAX_CONFIG_BYTES = 64L << 20;

    /** Made on first use: about 30 ms in a fresh JVM, which commands that read no JSON should not pay. */
    private ObjectMapper mapper;
    private final long maxManifestBytes;
    private final long maxConfigBytes;

    private ImageJson(long maxManifestBytes, long maxConfigBytes) {
        if (maxManifestBytes <= 0 || maxConfigBytes <= 0) {
            throw new IllegalArgumentException("size limits must be positive");
        }
        this.maxManifestBytes = maxManifestBytes;
        this.maxConfigBytes = maxConfigBytes;
    }

    private synchronized ObjectMapper mapper() {
        if (mapper == null) {
            mapper = newMapper();
        }
        return mapper;
    }

    private static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Kept unknown members should keep their numbers as written: 2.50 stays 2.50.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /** A codec with the default size limits. */
    public static ImageJson standard() {
        return new ImageJson(DEFAULT_MAX_MANIFEST_BYTES, DEFAULT_MAX_CONFIG_BYTES);
    }

    /** A codec refusing manifests and indexes over {@code maxManifestBytes} and configs over {@code maxConfigBytes}. */
    public static ImageJson withLimits(long maxManifestBytes, long maxConfigBytes) {
        return new ImageJson(maxManifestBytes, maxConfigBytes);
    }

    /**
     * Reads an OCI image manifest or a Docker v2.2 manifest.
     *
     * @param source what the bytes are, for messages, e.g. {@code manifest sha256:ab12...}
     */
    public Manifest readManifest(byte[] json, String source) {
        return read(json, source, "manifest", maxManifestBytes, ManifestCodec::readManifest);
    }

    /** Reads an OCI image index or a Docker manifest list. */
    public ImageIndex readIndex(byte[] json, String source) {
        return read(json, source, "image index", maxManifestBytes, ManifestCodec::readIndex);
    }

    /** Reads an image config, keeping the top-level and {@code config} members it does not model. */
    public ImageConfig readConfig(byte[] json, String source) {
        return read(json, source, "image config", maxConfigBytes, ConfigCodec::readConfig);
    }

    public byte[] write(Manifest manifest) {
        CanonicalJsonWriter out = new CanonicalJsonWriter();
        ManifestCodec.writeManifest(manifest, out);
        return out.bytes();
    }

    public byte[] write(ImageIndex index) {
        CanonicalJsonWriter out = new CanonicalJsonWriter();
        ManifestCodec.writeIndex(index, out);
        return out.bytes();
    }

    public byte[] write(ImageConfig config) {
        CanonicalJsonWriter out = new CanonicalJsonWriter();
        ConfigCodec.writeConfig(config, out);
        return out.bytes();
    }

    /** The image ID: the SHA-256 digest of the config's canonical JSON. */
    public Digest imageId(ImageConfig config) {
        return Digest.sha256(write(config));
    }

    private <T> T read(byte[] json, String source, String what, long limit, Function<JsonObject, T> reader) {
        if (json.length > limit) {
            throw JsonObject.error(source,
                    "%s is %d bytes, over the %s limit".formatted(what, json.length, size(limit)));
        }
        JsonNode root;
        try {
            root = mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, what, e);
        } catch (IOException e) {
            // Reading a byte array does no I/O; Jackson only declares it.
            throw JsonObject.error(source, what + " is not valid JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw JsonObject.error(source, what + " is empty");
        }
        return reader.apply(JsonObject.root(root, what, source));
    }

    private static InvalidInputException syntaxError(String source, String what, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 1 : Math.max(1, location.getLineNr());
        int column = location == null ? 1 : Math.max(1, location.getColumnNr());
        String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("syntax error");
        return new InvalidInputException(Diagnostic.error(source, SourceRange.columns(line, column, column + 1),
                what + " is not valid JSON: " + message), null);
    }

    private static String size(long bytes) {
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + "-byte";
    }
}
