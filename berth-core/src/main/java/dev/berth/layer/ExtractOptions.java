package dev.berth.layer;

import java.util.Objects;

/**
 * Limits and choices for {@link LayerExtractor}.
 *
 * @param maxUncompressedBytes the most tar bytes a layer may decompress to (the guard against bombs)
 * @param maxPathBytes the longest entry name or link target accepted, in UTF-8 bytes
 * @param whiteouts whether whiteouts delete from the target or are kept in overlayfs form
 * @param privileged whether the process may create device nodes, change owners and set
 *     {@code trusted.} xattrs (the caller decides, usually "running as root"); when false those are
 *     skipped and reported, never failed
 */
public record ExtractOptions(long maxUncompressedBytes, int maxPathBytes, WhiteoutMode whiteouts, boolean privileged) {

    /** How OCI whiteout entries ({@code .wh.NAME}, {@code .wh..wh..opq}) are applied. */
    public enum WhiteoutMode {
        /** Delete the whited-out path, or the lower layers' children of an opaque directory: a flat rootfs. */
        APPLY,
        /**
         * Keep them as overlayfs does: a whiteout becomes a character device 0/0 and an opaque directory
         * gets {@code trusted.overlay.opaque=y}, for a layer directory used as an overlay lower dir.
         * Needs {@code privileged}.
         */
        OVERLAY
    }

    /** 64 GiB, far beyond any real layer, yet a bound. */
    public static final long DEFAULT_MAX_UNCOMPRESSED_BYTES = 64L << 30;
    /** Linux's PATH_MAX. */
    public static final int DEFAULT_MAX_PATH_BYTES = 4096;

    public ExtractOptions {
        Objects.requireNonNull(whiteouts, "whiteouts");
        if (maxUncompressedBytes < 1 || maxPathBytes < 1) {
            throw new IllegalArgumentException("extraction limits must be positive");
        }
    }

    /** Default limits, whiteouts applied, privileged as given. */
    public static ExtractOptions defaults(boolean privileged) {
        return new ExtractOptions(DEFAULT_MAX_UNCOMPRESSED_BYTES, DEFAULT_MAX_PATH_BYTES, WhiteoutMode.APPLY, privileged);
    }

    public ExtractOptions withMaxUncompressedBytes(long bytes) {
        return new ExtractOptions(bytes, maxPathBytes, whiteouts, privileged);
    }

    public ExtractOptions withWhiteouts(WhiteoutMode mode) {
        return new ExtractOptions(maxUncompressedBytes, maxPathBytes, mode, privileged);
    }
}
