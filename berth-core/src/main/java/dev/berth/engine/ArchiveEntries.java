package dev.berth.engine;

import dev.berth.error.StoreException;
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
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * ADD's view of a local archive: whether a file is a tar (possibly gzip, bzip2, xz or zstd compressed),
 * and its entries re-rooted under the destination. Entries whose cleaned path would leave the
 * destination are refused. File contents are held in memory while the layer is written.
 */
final class ArchiveEntries {

    private ArchiveEntries() {
    }

    static boolean isArchive(Path file) {
        try (InputStream in = open(file); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            return tar.getNextEntry() != null;
        } catch (IOException | RuntimeException notATar) {
            return false;
        }
    }

    static List<LayerEntry> read(Path file, String into) {
        List<LayerEntry> entries = new ArrayList<>();
        try (InputStream in = open(file); TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8")) {
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

    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        try {
            String type = CompressorStreamFactory.detect(raw);
            return new CompressorStreamFactory().createCompressorInputStream(type, raw);
        } catch (CompressorException notCompressed) {
            return raw;
        }
    }
}
