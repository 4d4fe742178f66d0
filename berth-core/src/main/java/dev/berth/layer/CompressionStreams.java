package dev.berth.layer;

import dev.berth.image.Compression;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;

/**
 * Compresses and decompresses layer blobs, and recognises their {@link Compression} by magic bytes.
 * Decompression is always done in this process, never by a helper program fed untrusted bytes.
 */
public final class CompressionStreams {

    /** The level {@code gzip} and {@code pigz} use by default. */
    public static final int DEFAULT_GZIP_LEVEL = 6;
    /** Fast enough (about 10x gzip -6) to keep Berth's own layers in; see docs/layers.md. */
    public static final int DEFAULT_ZSTD_LEVEL = 3;

    private CompressionStreams() {
    }

    /** Recognises gzip ({@code 1f 8b}) and zstd ({@code 28 b5 2f fd}) by their magic bytes; anything else is NONE. */
    public static Compression detect(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Compression.GZIP;
        }
        if (length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5
                && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd) {
            return Compression.ZSTD;
        }
        return Compression.NONE;
    }

    /** Peeks at the first bytes of {@code in}, which must support mark and reset. */
    public static Compression detect(BufferedInputStream in) throws IOException {
        byte[] head = new byte[4];
        in.mark(head.length);
        int length = in.readNBytes(head, 0, head.length);
        in.reset();
        return detect(head, length);
    }

    /** The default level of {@code compression}: gzip's 6, zstd's 3. */
    public static int defaultLevel(Compression compression) {
        return compression == Compression.ZSTD ? DEFAULT_ZSTD_LEVEL : DEFAULT_GZIP_LEVEL;
    }

    /** Compresses into {@code out} at the default level, using every core for gzip and zstd. */
    public static OutputStream compressing(Compression compression, OutputStream out) throws IOException {
        return compressing(compression, out, defaultLevel(compression), Runtime.getRuntime().availableProcessors());
    }

    /**
     * Compresses into {@code out}. The output depends on the level only, never on {@code threads}, so
     * layers stay reproducible across machines. Closing the returned stream closes {@code out}.
     */
    public static OutputStream compressing(Compression compression, OutputStream out, int level, int threads)
            throws IOException {
        return switch (compression) {
            case NONE -> out;
            case GZIP -> new ParallelGzipOutputStream(out, level, threads, ParallelGzipOutputStream.DEFAULT_BLOCK_SIZE);
            case ZSTD -> {
                var zstd = new ZstdOutputStreamNoFinalizer(out, level);
                // One worker or more gives the same frames whatever the count; zero workers would not.
                zstd.setWorkers(Math.max(1, threads));
                yield zstd;
            }
        };
    }

    /** Decompresses {@code in}; closing the returned stream closes {@code in}. */
    public static InputStream decompressing(Compression compression, InputStream in) throws IOException {
        return switch (compression) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, 64 * 1024);
            case ZSTD -> new ZstdInputStreamNoFinalizer(in);
        };
    }
}
