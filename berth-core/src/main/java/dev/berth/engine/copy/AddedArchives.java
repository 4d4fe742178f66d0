package dev.berth.engine.copy;

import dev.berth.error.StepInputException;
import dev.berth.error.StoreException;
import dev.berth.image.ImagePaths;
import dev.berth.layer.BoundedTarInputStream;
import dev.berth.layer.LayerEntry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * ADD's view of a local archive: whether a file is a tar (plain, or gzip, bzip2, xz or zstd compressed,
 * recognised by content as Docker does, whatever the file's name), and its entries re-rooted under the
 * destination. A file that is not a tar once decompressed is no archive: ADD copies it as is. Entries whose cleaned path would leave the
 * destination are refused, and so are PAX or GNU long-name headers over {@link BoundedTarInputStream}'s cap.
 * File contents are held in memory while the layer is written.
 */
public final class AddedArchives {

    private AddedArchives() {
    }

    public static boolean isArchive(Path file) {
        try (InputStream in = open(file); TarArchiveInputStream tar = new BoundedTarInputStream(in)) {
            return tar.getNextEntry() != null;
        } catch (BoundedTarInputStream.OversizedHeaderException hostile) {
            return true; // a tar, refused with its name when read
        } catch (IOException | RuntimeException notATar) {
            return false;
        }
    }

    public static List<LayerEntry> read(Path file, String into) {
        List<LayerEntry> entries = new ArrayList<>();
        try (InputStream in = open(file); TarArchiveInputStream tar = new BoundedTarInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String cleaned = ImagePaths.relative("/" + entry.getName());
                if (ImagePaths.climbsOut(entry.getName())) {
                    throw new StepInputException("archive " + file.getFileName() + " has an entry leaving its root: "
                            + entry.getName());
                }
                if (cleaned.isEmpty()) {
                    continue;
                }
                String path = into.isEmpty() ? cleaned : into + "/" + cleaned;
                Instant mtime = entry.getModTime().toInstant();
                int mode = entry.getMode() & 07777;
                LayerEntry layerEntry;
                if (entry.isDirectory()) {
                    layerEntry = LayerEntry.directory(path, mode, mtime);
                } else if (entry.isSymbolicLink()) {
                    layerEntry = LayerEntry.symlink(path, entry.getLinkName(), mtime);
                } else if (!entry.isLink() && !entry.isCharacterDevice() && !entry.isBlockDevice() && !entry.isFIFO()) {
                    layerEntry = LayerEntry.file(path, mode, mtime, tar.readAllBytes());
                } else {
                    continue;
                }
                entries.add(layerEntry.withOwner(entry.getLongUserId(), entry.getLongGroupId()));
            }
        } catch (IOException e) {
            throw new StoreException("extracting archive " + file, e);
        }
        return entries;
    }

    /** The compressions ADD recognises, by their magic bytes as Docker's {@code DetectCompression}; never by name. */
    public enum Compression {
        NONE, GZIP, BZIP2, XZ, ZSTD;

        public static Compression detect(byte[] head, int length) {
            if (starts(head, length, 0x1f, 0x8b, 0x08)) {
                return GZIP;
            }
            if (starts(head, length, 'B', 'Z', 'h')) {
                return BZIP2;
            }
            if (starts(head, length, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
                return XZ;
            }
            if (starts(head, length, 0x28, 0xb5, 0x2f, 0xfd)) {
                return ZSTD;
            }
            return NONE;
        }

        private static boolean starts(byte[] head, int length, int... magic) {
            if (length < magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if ((head[i] & 0xff) != magic[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    public static Compression compression(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = new byte[6];
            return Compression.detect(head, in.readNBytes(head, 0, head.length));
        }
    }

    private static InputStream open(Path file) throws IOException {
        Compression compression = compression(file);
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        return switch (compression) {
            case NONE -> raw;
            case GZIP -> new GzipCompressorInputStream(raw, true);
            case BZIP2 -> new BZip2CompressorInputStream(raw, true);
            case XZ -> new XZCompressorInputStream(raw, true);
            case ZSTD -> new ZstdCompressorInputStream(raw);
        };
    }
}
