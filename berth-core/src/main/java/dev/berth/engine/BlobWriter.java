package dev.berth.engine;

import dev.berth.error.StoreException;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.StandardMediaType;
import dev.berth.store.BlobInfo;
import dev.berth.store.ContentStore;
import dev.berth.store.Ingester;
import java.io.IOException;
import java.util.Optional;

/**
 * Puts a small JSON document (config, manifest) into the content store, verified against its digest;
 * a blob already stored is not written again.
 */
final class BlobWriter {

    private BlobWriter() {
    }

    static Descriptor put(ContentStore content, StandardMediaType type, byte[] bytes) {
        Digest digest = Digest.sha256(bytes);
        // Blobs are verified against their digest when ingested: one stored under this digest, at this
        // size, holds these bytes, and writing it again would cost a write and a sync for nothing (a
        // cached rebuild writes the same config and manifest every time).
        if (content.info(digest).filter(stored -> stored.size() == bytes.length).isPresent()) {
            return Descriptor.of(type, digest, bytes.length);
        }
        try (Ingester ingester = content.ingest()) {
            ingester.stream().write(bytes);
            BlobInfo info = ingester.commit(Optional.of(digest));
            return Descriptor.of(type, info.digest(), info.size());
        } catch (IOException e) {
            throw new StoreException("writing a " + type.value() + " blob", e);
        }
    }
}
