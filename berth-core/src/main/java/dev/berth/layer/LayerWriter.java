package dev.berth.layer;

import dev.berth.image.Compression;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.io.HashingPipe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a reproducible layer tar in one streaming pass: entries in path-byte order, POSIX (PAX)
 * headers for long names and big numbers, times in whole seconds clamped to {@code SOURCE_DATE_EPOCH}
 * when one is given, no user or host names unless the entry carries them. The diffID is hashed before
 * compression and the blob digest after, as the bytes go by; hashing and writing run on two more threads
 * while the next files are read ({@link HashingPipe}), and nothing is held in memory but eight 1 MiB chunks.
 *
 * @param compression how the blob is compressed
 * @param level the compression level (ignored for {@link Compression#NONE})
 * @param threads the cores compression may use; the output does not depend on it
 * @param sourceDateEpoch when present, no entry time is later than this (the caller reads the variable)
 */
public record LayerWriter(Compression compression, int level, int threads, Optional<Instant> sourceDateEpoch) {

    private static final int RECORD = 512;
    // Never written to: the padding after content and the end-of-archive blocks.
    private static final byte[] ZEROS = new byte[2 * RECORD];

    public LayerWriter {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(sourceDateEpoch, "sourceDateEpoch");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** A writer at the default level for {@code compression}, using every core. */
    public static LayerWriter of(Compression compression, Optional<Instant> sourceDateEpoch) {
        int level = CompressionStreams.defaultLevel(compression);
        return new LayerWriter(compression, level, Runtime.getRuntime().availableProcessors(), sourceDateEpoch);
    }

    /**
     * Writes {@code entries}, which must be sorted by {@link LayerEntry#pathBytes()} with no path twice,
     * to {@code blob}, which is flushed but left open.
     *
     * @throws IllegalArgumentException when the entries are out of order or a hardlink names a later entry
     * @throws StoreException when reading content or writing the blob fails
     */
    public LayerDigests write(Iterator<LayerEntry> entries, OutputStream blob) {
        // Uncompressed, the blob is the tar: hashing it twice would only halve the speed.
        boolean compressing = compression != Compression.NONE;
        DigestingOutputStream compressed = new DigestingOutputStream(blob, compressing);
        Written tar = writeTo(entries, compressed, true);
        Digest diffId = tar.digest().orElseThrow();
        return new LayerDigests(diffId, compressing ? compressed.digest() : diffId, compressed.count(), tar.size());
    }

    /**
     * Writes {@code entries} as an uncompressed tar without hashing it, for a sink that hashes what it
     * keeps (the content store's ingester verifies every blob as it is written, hashing and writing on
     * threads of its own): the tar's digest, which is also its diffID, is then the sink's, and hashing it
     * here too would only halve the speed. The tar is framed and handed to the sink on the caller's thread.
     *
     * @return the number of bytes written
     * @throws IllegalStateException when this writer compresses
     */
    public long writeUnhashedTar(Iterator<LayerEntry> entries, OutputStream tar) {
        if (compression != Compression.NONE) {
            throw new IllegalStateException("an unhashed tar is uncompressed; this writer compresses with " + compression);
        }
        // The wrapper only flushes on close: the caller's stream stays open for its commit.
        return writeTo(entries, new DigestingOutputStream(tar, false), false).size();
    }

    /** The tar's size, and its digest when it was hashed. */
    private record Written(long size, Optional<Digest> digest) {
    }

    private Written writeTo(Iterator<LayerEntry> entries, OutputStream sink, boolean hashTar) {
        byte[] previous = null;
        String current = "";
        try {
            OutputStream compressor = CompressionStreams.compressing(compression, sink, level, threads);
            TarHeaders headers = new TarHeaders();
            try (HashingPipe tar = hashTar ? HashingPipe.hashing(compressor, "berth-layer") : HashingPipe.inline(compressor)) {
                while (entries.hasNext()) {
                    LayerEntry entry = entries.next();
                    current = entry.path();
                    byte[] path = entry.pathBytes();
                    if (previous != null && Arrays.compareUnsigned(previous, path) >= 0) {
                        throw new IllegalArgumentException("layer entries out of order: \"" + entry.path()
                                + "\" comes after \"" + new String(previous, StandardCharsets.UTF_8) + "\"");
                    }
                    if (entry.type() == EntryType.HARDLINK
                            && Arrays.compareUnsigned(entry.linkTarget().getBytes(StandardCharsets.UTF_8), path) >= 0) {
                        throw new IllegalArgumentException("hardlink " + entry.path() + " names a later entry " + entry.linkTarget());
                    }
                    previous = path;
                    tar.write(headers.format(header(entry)));
                    if (entry.type() == EntryType.FILE) {
                        copyContent(entry, tar);
                    }
                }
                // 512-byte records: the archive ends after its two zero blocks, as Go's archive/tar writes it.
                tar.write(ZEROS);
                tar.finish();
                // Closing the compressor writes its trailer; the sink (a DigestingOutputStream) only flushes.
                compressor.close();
                return new Written(tar.count(), hashTar ? Optional.of(tar.digest()) : Optional.empty());
            } catch (Throwable failure) {
                // The pipe's stages are gone by now; gzip's worker pool and zstd's native context are not.
                closeAfterFailure(compressor, failure);
                throw failure;
            }
        } catch (IOException e) {
            throw new StoreException("writing layer entry " + current + ": " + e.getMessage(), e);
        }
    }

    /**
     * Releases the compressor's threads or native memory. What it writes on closing is garbage after a
     * failure, but the sink is wrapped to only flush on close, and the caller discards the blob.
     */
    private static void closeAfterFailure(OutputStream compressor, Throwable failure) {
        try {
            compressor.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Writes {@code entries} as {@link #write(Iterator, OutputStream)} does. */
    public LayerDigests write(Iterable<LayerEntry> entries, OutputStream blob) {
        return write(entries.iterator(), blob);
    }

    private TarArchiveEntry header(LayerEntry entry) {
        String name = entry.type() == EntryType.DIRECTORY ? entry.path() + "/" : entry.path();
        TarArchiveEntry header = new TarArchiveEntry(name, typeFlag(entry.type()), false);
        header.setMode(entry.mode());
        header.setUserId(entry.uid());
        header.setGroupId(entry.gid());
        // The constructor fills in the current user's name; a reproducible layer must not carry it.
        header.setUserName(entry.uname().orElse(""));
        header.setGroupName(entry.gname().orElse(""));
        header.setModTime(FileTime.from(clamp(entry.mtime()).getEpochSecond(), TimeUnit.SECONDS));
        header.setSize(entry.size());
        if (entry.type() == EntryType.SYMLINK || entry.type() == EntryType.HARDLINK) {
            header.setLinkName(entry.linkTarget());
        }
        if (entry.type() == EntryType.CHAR_DEVICE || entry.type() == EntryType.BLOCK_DEVICE) {
            header.setDevMajor(entry.devMajor());
            header.setDevMinor(entry.devMinor());
        }
        entry.xattrs().forEach((key, value) -> header.addPaxHeader("SCHILY.xattr." + key, value));
        return header;
    }

    private Instant clamp(Instant mtime) {
        return sourceDateEpoch.filter(epoch -> epoch.isBefore(mtime)).orElse(mtime);
    }

    private static byte typeFlag(EntryType type) {
        return switch (type) {
            case FILE -> TarConstants.LF_NORMAL;
            case DIRECTORY -> TarConstants.LF_DIR;
            case SYMLINK -> TarConstants.LF_SYMLINK;
            case HARDLINK -> TarConstants.LF_LINK;
            case CHAR_DEVICE -> TarConstants.LF_CHR;
            case BLOCK_DEVICE -> TarConstants.LF_BLK;
            case FIFO -> TarConstants.LF_FIFO;
        };
    }

    private static void copyContent(LayerEntry entry, HashingPipe tar) throws IOException {
        try (InputStream content = entry.content().open()) {
            long copied = tar.transferFrom(content, entry.size());
            if (copied != entry.size()) {
                throw new IOException("content is " + copied + " bytes, the entry said " + entry.size()
                        + " (the file changed while the layer was written?)");
            }
            if (content.read() != -1) {
                throw new IOException("content is longer than the declared size (the file changed while the layer was written?)");
            }
        }
        int padding = (int) (-entry.size() & (RECORD - 1));
        tar.write(ZEROS, 0, padding);
    }
}
