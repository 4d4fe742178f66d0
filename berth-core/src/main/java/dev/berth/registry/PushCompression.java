package dev.berth.registry;

import dev.berth.image.Compression;
import dev.berth.layer.CompressionStreams;
import java.util.Objects;
import java.util.Optional;

/**
 * How a push compresses layers, as Podman's {@code --compression-format} and {@code --compression-level}: without a
 * format, only layers the store keeps uncompressed are compressed, with gzip; with one, every layer not already in
 * that format is recompressed to it. The level is the format's (gzip 0-9, zstd 1-22); without one, the format's
 * default (gzip 6, zstd 3).
 *
 * @param format the format asked for, if any
 * @param level the level asked for, if any
 */
public record PushCompression(Optional<Compression> format, Optional<Integer> level) {

    /** @throws IllegalArgumentException naming the option when the format is none or the level out of range */
    public PushCompression {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(level, "level");
        if (format.equals(Optional.of(Compression.NONE))) {
            throw new IllegalArgumentException("--compression-format: a push compresses layers with gzip or zstd");
        }
        Compression target = format.orElse(Compression.GZIP);
        int min = target == Compression.ZSTD ? 1 : 0;
        int max = target == Compression.ZSTD ? 22 : 9;
        level.filter(n -> n < min || n > max).ifPresent(n -> {
            throw new IllegalArgumentException("--compression-level " + n + ": " + name(target) + " levels are "
                    + min + " to " + max);
        });
    }

    /** The format layers are compressed to. */
    public Compression target() {
        return format.orElse(Compression.GZIP);
    }

    /** The level they are compressed at. */
    public int effectiveLevel() {
        return level.orElseGet(() -> CompressionStreams.defaultLevel(target()));
    }

    /** True when a layer stored with {@code current} compression is recompressed for the push. */
    boolean converts(Compression current) {
        return current == Compression.NONE || (format.isPresent() && current != target());
    }

    static String name(Compression compression) {
        return compression.name().toLowerCase(java.util.Locale.ROOT);
    }
}
