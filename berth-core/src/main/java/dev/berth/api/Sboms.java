package dev.berth.api;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.sbom.CycloneDxWriter;
import dev.berth.sbom.Inventory;
import dev.berth.sbom.InventoryReader;
import dev.berth.sbom.MergedLayers;
import dev.berth.sbom.RpmQuery;
import dev.berth.sbom.SpdxWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code berth sbom}: what an image holds, read offline from its layers in the store (nothing is unpacked), as an
 * SPDX 2.3 or CycloneDX 1.6 JSON document. Reached through {@link Berth#sboms()}. The documents' times are
 * {@code SOURCE_DATE_EPOCH} from the settings' environment when it is set (then two runs give the same bytes),
 * else the clock's now; their ids derive from the image ID.
 */
public final class Sboms {

    private final ImageCatalog catalog;
    private final Map<String, String> environment;
    private final Clock clock;

    Sboms(ImageCatalog catalog, Map<String, String> environment, Clock clock) {
        this.catalog = catalog;
        this.environment = environment;
        this.clock = clock;
    }

    /** The document in {@code format}, UTF-8 JSON ending in a newline. */
    public byte[] document(String image, SbomFormat format) {
        Inventory inventory = inventory(image);
        Instant created = created();
        return switch (format) {
            case SPDX_JSON -> SpdxWriter.write(inventory, created);
            case CYCLONEDX_JSON -> CycloneDxWriter.write(inventory, created);
        };
    }

    /** The packages, in the documents' order. */
    public List<SbomPackage> packages(String image) {
        return inventory(image).packages().stream()
                .map(found -> new SbomPackage(found.ecosystem().name().toLowerCase(java.util.Locale.ROOT),
                        found.name(), found.version(), found.sourceName(), found.sourceVersion(), found.arch(),
                        found.purl(), found.licenses(), found.layer().toString(), found.path(), found.ownedBy()))
                .toList();
    }

    Inventory inventory(String image) {
        StoredImage stored = catalog.find(image);
        return new InventoryReader(catalog.content(), RpmQuery.onPath(environment)).read(stored.id(), image, layers(stored, image));
    }

    /** The image's layers as the SBOM and the secret scan read them: blob and diffID, bottom first. */
    List<MergedLayers.Layer> layers(StoredImage stored, String image) {
        List<Descriptor> blobs = stored.manifest().layers();
        List<Digest> diffIds = stored.config().rootFs().diffIds();
        if (blobs.size() != diffIds.size()) {
            throw new dev.berth.error.StoreException("image " + image + ": its manifest lists " + blobs.size()
                    + " layers, its config " + diffIds.size());
        }
        List<MergedLayers.Layer> layers = new ArrayList<>();
        for (int i = 0; i < blobs.size(); i++) {
            layers.add(new MergedLayers.Layer(blobs.get(i).digest(), diffIds.get(i)));
        }
        return layers;
    }

    StoredImage stored(String image) {
        return catalog.find(image);
    }

    dev.berth.store.ContentStore content() {
        return catalog.content();
    }

    private Instant created() {
        String epoch = environment.getOrDefault("SOURCE_DATE_EPOCH", "").strip();
        if (epoch.isEmpty()) {
            return clock.instant();
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(epoch));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Diagnostic.error("SOURCE_DATE_EPOCH", SourceRange.columns(1, 1, 1),
                    "SOURCE_DATE_EPOCH must be seconds since 1970, not \"" + epoch + "\""), null);
        }
    }
}
