package dev.berth.layer;

import dev.berth.error.StoreException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The size Docker gives a layer ({@code docker image inspect}'s {@code Size} is the sum over the
 * image's layers, {@code docker history} shows each): the bytes its files take once applied, as
 * Docker's overlay2 driver counts its diff directory: the length of every regular file and every
 * symlink's target, each inode once (a hardlink adds nothing), directories, devices and whiteouts
 * nothing. A name written twice counts once, with its last entry. Not the tar's length, which adds
 * headers and padding, and not the blob's, which may be compressed.
 */
public final class LayerContentSize {

    private LayerContentSize() {
    }

    /**
     * Reads {@code blob} (tar, gzip or zstd) through its headers.
     *
     * @param layer how messages name the layer
     * @throws StoreException when the blob is not a readable layer
     */
    public static long of(String layer, InputStream blob) {
        Map<String, Long> sizes = new HashMap<>();
        try {
            BufferedInputStream buffered = new BufferedInputStream(blob, 64 * 1024);
            InputStream tarBytes = CompressionStreams.decompressing(CompressionStreams.detect(buffered), buffered);
            TarArchiveInputStream tar = new BoundedTarInputStream(tarBytes);
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                List<String> components;
                try {
                    components = RootResolver.clean(entry.getName());
                } catch (EntryRefusedException e) {
                    throw new StoreException("layer " + layer + ": entry " + entry.getName() + ": " + e.getMessage());
                }
                sizes.put(String.join("/", components), contribution(entry));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof StoreException store) {
                throw store;
            }
            throw new StoreException("layer " + layer + ": reading its entries for its size: " + e.getMessage(), e);
        }
        return sizes.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long contribution(TarArchiveEntry entry) {
        if (entry.isSymbolicLink()) {
            return entry.getLinkName().getBytes(StandardCharsets.UTF_8).length;
        }
        if (entry.isLink() || !entry.isFile()) {
            return 0;
        }
        return entry.getSize();
    }
}
