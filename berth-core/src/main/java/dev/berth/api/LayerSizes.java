package dev.berth.api;

import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.layer.LayerContentSize;
import dev.berth.store.LocalStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The sizes Docker shows for images and history rows: per layer, its content once applied
 * ({@link LayerContentSize}), not its blob's length. Reading a layer for this is slow, so each blob's
 * figure is computed once and kept in {@code <root>/cache/layer-sizes/<algorithm>-<hex>} (a cache: a
 * missing or unreadable file is computed again; a blob's content never changes, so neither does it).
 */
final class LayerSizes {

    private final LocalStore store;

    LayerSizes(LocalStore store) {
        this.store = store;
    }

    /** The sum over the image's layers, as {@code docker image inspect}'s {@code Size}. */
    long image(StoredImage image) {
        return image.manifest().layers().stream().mapToLong(this::layer).sum();
    }

    long layer(Descriptor layer) {
        Digest blob = layer.digest();
        Path file = store.paths().cache().resolve("layer-sizes").resolve(blob.algorithm() + "-" + blob.hex());
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (NoSuchFileException | NumberFormatException missing) {
            // computed below
        } catch (IOException unreadable) {
            // computed below, and the file replaced
        }
        long size;
        try (InputStream in = store.content().open(blob)) {
            size = LayerContentSize.of(blob.toString(), in);
        } catch (IOException e) {
            throw new dev.berth.error.StoreException("reading layer " + blob + ": " + e.getMessage(), e);
        }
        remember(file, size);
        return size;
    }

    private static void remember(Path file, long size) {
        Path temp = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(temp, Long.toString(size), StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Only a cache: the next reader computes the figure again.
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // left for `system prune`, which empties cache/
            }
        }
    }
}
