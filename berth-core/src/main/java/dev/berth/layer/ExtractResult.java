package dev.berth.layer;

import dev.berth.image.Digest;
import java.util.List;
import java.util.Objects;

/**
 * What {@link LayerExtractor} read and did.
 *
 * @param diffId the digest of the uncompressed tar as read, computed here and never taken from the
 *     archive: the caller compares it with the diffID the image config expects
 * @param uncompressedSize the length of the tar
 * @param entries how many tar entries were read
 * @param skipped what was read but not applied, with why ({@code dev/null: device nodes need root})
 */
public record ExtractResult(Digest diffId, long uncompressedSize, long entries, List<String> skipped) {

    public ExtractResult {
        Objects.requireNonNull(diffId, "diffId");
        skipped = List.copyOf(skipped);
    }
}
