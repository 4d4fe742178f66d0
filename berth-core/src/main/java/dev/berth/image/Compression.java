package dev.berth.image;

/**
 * How a layer blob is compressed, as its media type says. The OCI image spec allows exactly these
 * three; {@code dev.berth.layer.CompressionStreams} reads and writes them.
 */
public enum Compression {
    NONE,
    GZIP,
    ZSTD
}
