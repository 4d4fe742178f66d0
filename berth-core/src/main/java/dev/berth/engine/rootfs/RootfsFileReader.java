package dev.berth.engine.rootfs;

import dev.berth.error.StepInputException;
import dev.berth.error.StoreException;
import dev.berth.image.ImagePaths;
import dev.berth.image.LayerRef;
import dev.berth.layer.CompressionStreams;
import dev.berth.layer.TarHeaderScanner;
import dev.berth.store.ContentStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Reads a small file such as {@code /etc/passwd} of an image as data, straight from its layer tars, never
 * through the host file system. Only a regular file is accepted: a symbolic link (to {@code /dev/zero}, or
 * out of the root) or a device is an error, never followed (CVE-2019-14271, CVE-2024-9676), and the
 * file is read up to a size limit.
 */
public record RootfsFileReader(ContentStore content, long maxBytes) {

    public static final long DEFAULT_MAX_BYTES = 1 << 20;

    /** The file's bytes from the topmost layer that has it, or empty when no layer has it (or one deleted it). */
    public Optional<byte[]> read(List<LayerRef> layers, String absolutePath) {
        String path = ImagePaths.relative(absolutePath);
        String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        String whiteout = parent + ".wh." + path.substring(parent.length());
        for (LayerRef layer : layers.reversed()) {
            Optional<Optional<byte[]>> found = readFrom(layer, path, whiteout, absolutePath);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return Optional.empty();
    }

    /** Empty when this layer does not mention the path; a present empty when it deletes it. */
    private Optional<Optional<byte[]>> readFrom(LayerRef layer, String path, String whiteout, String shown) {
        try (InputStream blob = content.open(layer.blob().digest());
                BufferedInputStream buffered = new BufferedInputStream(blob)) {
            TarHeaderScanner tar = new TarHeaderScanner(
                    CompressionStreams.decompressing(CompressionStreams.detect(buffered), buffered));
            Optional<TarArchiveEntry> next;
            while ((next = tar.next()).isPresent()) {
                TarArchiveEntry entry = next.get();
                String name = entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
                if (name.equals(whiteout)) {
                    return Optional.of(Optional.empty());
                }
                if (!name.equals(path)) {
                    continue;
                }
                // Commons Compress calls links and devices "files" too: accept only a plain regular entry.
                boolean regular = !entry.isSymbolicLink() && !entry.isLink() && !entry.isDirectory()
                        && !entry.isCharacterDevice() && !entry.isBlockDevice() && !entry.isFIFO();
                if (!regular) {
                    throw new StepInputException("refusing to read " + shown + ": it is "
                            + (entry.isSymbolicLink() ? "a symbolic link to " + entry.getLinkName()
                                    : entry.isLink() ? "a hard link" : "not a regular file")
                            + "; it is read as data, never followed");
                }
                if (entry.getSize() > maxBytes) {
                    throw new StepInputException("refusing to read " + shown + ": " + entry.getSize()
                            + " bytes is over the " + maxBytes + "-byte limit");
                }
                return Optional.of(Optional.of(tar.content((int) entry.getSize())));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("reading " + shown + " from layer " + layer.blob().digest(), e);
        }
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
