package dev.berth.archive;

import dev.berth.error.InvalidInputException;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * Opens a stream that may be compressed, as Docker's {@code DecompressStream} does: gzip, bzip2, xz and
 * zstd are recognized by their magic bytes; anything else passes through.
 */
public final class Decompression {

    private Decompression() {
    }

    public static InputStream open(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 65536);
        String format;
        try {
            format = CompressorStreamFactory.detect(buffered);
        } catch (CompressorException notCompressed) {
            return buffered;
        }
        return switch (format) {
            case CompressorStreamFactory.GZIP, CompressorStreamFactory.BZIP2, CompressorStreamFactory.XZ,
                 CompressorStreamFactory.ZSTANDARD -> create(format, buffered);
            default -> buffered;
        };
    }

    private static InputStream create(String format, InputStream in) throws IOException {
        try {
            return new CompressorStreamFactory(true).createCompressorInputStream(format, in, true);
        } catch (CompressorException e) {
            throw new InvalidInputException(Diagnostic.error("<stream>", SourceRange.columns(1, 1, 1),
                    "cannot read " + format + " data: " + e.getMessage()), null);
        }
    }
}
