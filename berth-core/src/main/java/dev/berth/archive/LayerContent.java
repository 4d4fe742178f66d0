package dev.berth.archive;

import dev.berth.layer.CompressionStreams;
import dev.berth.error.StoreException;
import dev.berth.image.Compression;
import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * What a layer file of an archive holds: its compression ({@link Compression#detect}, bzip2 and xz refused,
 * as OCI allows neither) and its diffID, the digest of the plain tar.
 */
final class LayerContent {

    private static final byte[] BZIP2 = {'B', 'Z', 'h'};
    private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};

    private LayerContent() {
    }

    static Compression compression(ArchiveEntries entries, ArchiveEntries.Content content) {
        byte[] head;
        try (InputStream in = entries.open(content)) {
            head = in.readNBytes(6);
        } catch (IOException e) {
            throw new StoreException("reading a layer of the archive: " + e.getMessage(), e);
        }
        if (startsWith(head, BZIP2) || startsWith(head, XZ)) {
            throw ArchiveReader.unsupported("layer " + content.digest() + " is bzip2 or xz compressed; "
                    + "only plain, gzip and zstd layers are stored");
        }
        return CompressionStreams.detect(head, head.length);
    }

    /** The digest of the layer's uncompressed tar, which the config's {@code rootfs.diff_ids} lists. */
    static Digest diffId(ArchiveEntries entries, ArchiveEntries.Content content) {
        if (compression(entries, content) == Compression.NONE) {
            return content.digest();
        }
        MessageDigest sha256 = Digest.newSha256();
        try (InputStream in = CompressionStreams.decompressing(compression(entries, content), entries.open(content));
             OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            in.transferTo(sink);
        } catch (IOException e) {
            throw ArchiveEntries.hostile("layer " + content.digest() + " cannot be decompressed: " + e.getMessage());
        }
        return Digest.sha256(sha256);
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
