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

/** Puts a small JSON document (config, manifest) into the content store, verified against its digest. */
final class BlobWriter {

    private BlobWriter() {
    }

    static Descriptor put(ContentStore content, StandardMediaType type, byte[] bytes) {
        try (Ingester ingester = content.ingest()) {
            ingester.stream().write(bytes);
            BlobInfo info = ingester.commit(Optional.of(Digest.sha256(bytes)));
            return Descriptor.of(type, info.digest(), info.size());
        } catch (IOException e) {
            throw new StoreException("writing a " + type.value() + " blob", e);
        }
    }
}
