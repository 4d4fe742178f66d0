package dev.berth.layer;

import dev.berth.image.Compression;
import dev.berth.error.StoreException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Applies a layer blob (tar, gzip or zstd, detected by magic bytes) onto a directory, safely: nothing
 * is ever written outside the target, whatever the archive says. Refused outright: absolute names,
 * names with {@code ..}, a {@code ..} through a symlink that would climb out of the target, hardlinks
 * to anything not already inside it, a root entry that is not a directory, whiteouts of {@code .} or
 * {@code ..}, sparse and unknown entry types, over-long names, more uncompressed bytes than the limit,
 * and malformed headers. Symlinks are created exactly as written and only ever followed by the
 * extractor's own rooted resolution (absolute targets lead back into the target).
 *
 * <p>The diffID returned is computed from the bytes read; nothing the archive claims is trusted.
 * On failure the target is left partly written: extract into a fresh snapshot and discard it.
 *
 * <p>Every failure is a {@link StoreException} whose message names the layer and the entry:
 * {@code layer sha256:ab12…: entry ../../etc/passwd: path escapes the root}.
 */
public final class LayerExtractor {

    private final ExtractOptions options;

    public LayerExtractor(ExtractOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Reads {@code blob} to its end and applies it onto {@code target}, which must exist.
     *
     * @param layer how messages name the layer, usually its digest
     */
    public ExtractResult extract(String layer, InputStream blob, Path target) {
        EntryApplier applier = new EntryApplier(target, options);
        String current = "(start)";
        long entries = 0;
        try {
            BufferedInputStream buffered = new BufferedInputStream(blob, 64 * 1024);
            Compression compression = CompressionStreams.detect(buffered);
            try (ReadAheadDigestingStream tarBytes = new ReadAheadDigestingStream(
                    CompressionStreams.decompressing(compression, buffered), options.maxUncompressedBytes())) {
                TarArchiveInputStream tar = new BoundedTarInputStream(tarBytes);
                TarArchiveEntry entry;
                while ((entry = nextEntry(tar, layer, current)) != null) {
                    current = entry.getName();
                    entries++;
                    applier.apply(entry, tar);
                }
                // The diffID covers the whole stream, padding after the end-of-archive blocks included.
                tarBytes.drain();
                applier.finish();
                return new ExtractResult(tarBytes.digest(), tarBytes.count(), entries, applier.skipped());
            }
        } catch (EntryRefusedException e) {
            throw new StoreException(prefix(layer, current) + e.getMessage());
        } catch (ReadAheadDigestingStream.LimitExceededException e) {
            throw new StoreException(prefix(layer, current) + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreException(prefix(layer, current) + "extracting to " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof StoreException store) {
                throw store;
            }
            // A decompressor or the tar reader choking on hostile bytes.
            throw new StoreException(prefix(layer, current) + "malformed layer: " + e, e);
        }
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar, String layer, String previous) throws IOException {
        try {
            return tar.getNextEntry();
        } catch (ReadAheadDigestingStream.LimitExceededException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new StoreException("layer " + layer + ": header after entry " + previous + ": malformed tar: "
                    + e.getMessage(), e);
        }
    }

    private static String prefix(String layer, String entry) {
        return "layer " + layer + ": entry " + entry + ": ";
    }
}
