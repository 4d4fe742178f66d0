package dev.berth.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.deflate.DeflateCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Compresses test data by the name a parameterized test row gives. */
public final class CompressedBytes {

    private CompressedBytes() {
    }

    /**
     * {@code data} compressed with {@code compression}: {@code plain} (as is), {@code gzip}, {@code bzip2},
     * {@code xz}, {@code zstd} or {@code deflate} (zlib, which Docker does not read).
     */
    public static byte[] of(String compression, byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = switch (compression) {
            case "plain" -> bytes;
            case "gzip" -> new GzipCompressorOutputStream(bytes);
            case "bzip2" -> new BZip2CompressorOutputStream(bytes);
            case "xz" -> new XZCompressorOutputStream(bytes);
            case "zstd" -> new ZstdCompressorOutputStream(bytes);
            case "deflate" -> new DeflateCompressorOutputStream(bytes);
            default -> throw new IllegalArgumentException("no compression named " + compression);
        }) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
