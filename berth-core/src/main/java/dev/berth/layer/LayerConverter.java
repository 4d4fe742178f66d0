package dev.berth.layer;

import dev.berth.image.Compression;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Recompresses a layer blob (for an export or a push that needs gzip), keeping its diffID and proving
 * it: the uncompressed bytes are hashed on the way through and compared with the expected diffID.
 * On a mismatch the output is garbage and the caller must discard it.
 *
 * @param target the compression to produce
 * @param level its level
 * @param threads the cores it may use
 */
public record LayerConverter(Compression target, int level, int threads) {

    public LayerConverter {
        Objects.requireNonNull(target, "target");
    }

    /** A converter to {@code target} at its default level, on every core. */
    public static LayerConverter to(Compression target) {
        LayerWriter defaults = LayerWriter.of(target, java.util.Optional.empty());
        return new LayerConverter(target, defaults.level(), defaults.threads());
    }

    /**
     * Reads {@code blob} (any supported compression) and writes it to {@code out}, flushed but left open.
     *
     * @throws StoreException if the uncompressed bytes do not have {@code expectedDiffId}, or on I/O failure
     */
    public LayerDigests convert(InputStream blob, Digest expectedDiffId, OutputStream out) {
        DigestingOutputStream compressed = new DigestingOutputStream(out);
        DigestingOutputStream uncompressed;
        try {
            BufferedInputStream buffered = new BufferedInputStream(blob, 64 * 1024);
            InputStream source = CompressionStreams.decompressing(CompressionStreams.detect(buffered), buffered);
            OutputStream compressor = CompressionStreams.compressing(target, compressed, level, threads);
            uncompressed = new DigestingOutputStream(compressor);
            source.transferTo(uncompressed);
            uncompressed.flush();
            compressor.close();
        } catch (IOException e) {
            throw new StoreException("converting layer " + expectedDiffId + " to " + target + ": " + e.getMessage(), e);
        }
        Digest actual = uncompressed.digest();
        if (!actual.equals(expectedDiffId)) {
            throw new StoreException("converting layer " + expectedDiffId + " to " + target
                    + ": the uncompressed content has digest " + actual + ", not the expected diffID");
        }
        return new LayerDigests(actual, compressed.digest(), compressed.count(), uncompressed.count());
    }
}
