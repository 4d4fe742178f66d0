package dev.berth.layer;

import dev.berth.image.Compression;
import dev.berth.image.Descriptor;
import dev.berth.image.LayerRef;
import dev.berth.image.StandardMediaType;
import dev.berth.store.BlobInfo;
import dev.berth.store.ContentStore;
import dev.berth.store.Ingester;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes layers the build creates straight into the content store, uncompressed
 * ({@code application/vnd.oci.image.layer.v1.tar}): local layers need no compression, and Docker loads
 * that media type after {@code berth save}.
 */
public record LayerStorer(ContentStore content, Optional<Instant> sourceDateEpoch) {

    public LayerRef store(Iterable<LayerEntry> sortedEntries) {
        LayerWriter writer = new LayerWriter(Compression.NONE, 0, 1, sourceDateEpoch);
        try (Ingester ingester = content.ingest()) {
            // The ingester hashes what it stores: for an uncompressed layer that digest is the diffID,
            // so the writer does not hash the tar a second time.
            writer.writeUnhashedTar(sortedEntries.iterator(), ingester.stream());
            BlobInfo blob = ingester.commit(Optional.empty());
            return new LayerRef(Descriptor.of(StandardMediaType.OCI_LAYER, blob.digest(), blob.size()), blob.digest());
        }
    }
}
