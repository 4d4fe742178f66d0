package dev.berth.context;

import dev.berth.error.StoreException;
import dev.berth.layer.ExtractOptions;
import dev.berth.layer.LayerExtractor;
import dev.berth.layer.TreeRemover;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A context given as a stream ({@code berth build -}): a tar (plain, gzip, bzip2, xz or zstd), unpacked
 * into a temporary directory; or, as with {@code docker build - < Dockerfile}, a Dockerfile, and the
 * context is empty. Told apart by content, as Docker does: compression magic bytes or a valid tar header.
 *
 * @param directory the unpacked (or empty) context, to {@link #delete} after the build
 * @param dockerfileText the Dockerfile, when the stream was one
 */
public record StreamedContext(Path directory, Optional<String> dockerfileText) {

    private static final int TAR_BLOCK = 512;

    public StreamedContext {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(dockerfileText, "dockerfileText");
    }

    /** Reads {@code stream} to its end; the caller {@link #delete}s the directory when the build is done. */
    public static StreamedContext read(InputStream stream) {
        Path directory;
        try {
            directory = Files.createTempDirectory("berth-context-");
        } catch (IOException e) {
            throw new StoreException("making a directory for the build context from stdin", e);
        }
        try {
            BufferedInputStream in = new BufferedInputStream(stream, 64 * 1024);
            in.mark(TAR_BLOCK);
            byte[] head = in.readNBytes(TAR_BLOCK);
            in.reset();
            if (!isArchive(head)) {
                return new StreamedContext(directory, Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            InputStream tar = startsWith(head, 'B', 'Z', 'h') ? new BZip2CompressorInputStream(in, true)
                    : startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0) ? new XZCompressorInputStream(in, true)
                    : in;
            // The extractor itself reads plain, gzip and zstd tars.
            new LayerExtractor(ExtractOptions.defaults(false)).extract("the context on stdin", tar, directory);
            return new StreamedContext(directory, Optional.empty());
        } catch (IOException | RuntimeException e) {
            // Half an unpacked context is of no use to anyone: it goes with the failure.
            new StreamedContext(directory, Optional.empty()).deleteQuietly(e);
            throw e instanceof IOException io ? new StoreException("unpacking the build context from stdin", io)
                    : (RuntimeException) e;
        }
    }

    private static boolean isArchive(byte[] head) {
        return startsWith(head, 0x1f, 0x8b, 0x08) || startsWith(head, 'B', 'Z', 'h')
                || startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0) || startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)
                || (head.length == TAR_BLOCK && TarUtils.verifyCheckSum(head));
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Removes the temporary context directory. */
    public void delete() {
        try {
            TreeRemover.delete(directory);
        } catch (IOException e) {
            throw new StoreException("removing the unpacked context " + directory, e);
        }
    }

    /** Removes the directory after {@code failure}, adding a failure to remove it there rather than hiding it. */
    public void deleteQuietly(Throwable failure) {
        try {
            TreeRemover.delete(directory);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
