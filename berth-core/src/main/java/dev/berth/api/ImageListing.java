package dev.berth.api;

import dev.berth.image.HistoryEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The store's images as {@code berth images}, {@code inspect} and {@code history} show them. */
final class ImageListing {

    private final ImageCatalog catalog;
    private final LayerSizes sizes;

    ImageListing(ImageCatalog catalog, LayerSizes sizes) {
        this.catalog = catalog;
        this.sizes = sizes;
    }

    List<ImageSummary> images() {
        List<ImageSummary> rows = new ArrayList<>();
        for (StoredImage image : catalog.all()) {
            if (image.names().isEmpty()) {
                rows.add(new ImageSummary(Optional.empty(), Optional.empty(), image.id(), image.descriptor().digest(),
                        image.config().created(), sizes.image(image)));
            }
            for (String name : image.names()) {
                FamiliarName familiar = FamiliarName.of(name);
                rows.add(new ImageSummary(Optional.of(familiar.repository()), familiar.tag(), image.id(),
                        image.descriptor().digest(), image.config().created(), sizes.image(image)));
            }
        }
        rows.sort(Comparator.comparing((ImageSummary row) -> row.created().map(c -> c.toEpochMilli()).orElse(0L))
                .reversed());
        return List.copyOf(rows);
    }

    ImageDetails inspect(String image) {
        StoredImage stored = catalog.find(image);
        return new ImageDetailsReader().details(stored, sizes.image(stored));
    }

    List<HistoryRow> history(String image) {
        StoredImage stored = catalog.find(image);
        List<HistoryEntry> entries = stored.config().history();
        List<HistoryRow> rows = new ArrayList<>();
        int layer = 0;
        for (HistoryEntry entry : entries) {
            long size = 0;
            if (!entry.emptyLayer() && layer < stored.manifest().layers().size()) {
                size = sizes.layer(stored.manifest().layers().get(layer++));
            }
            rows.add(new HistoryRow(Optional.empty(), entry.created(), entry.createdBy(), size, entry.comment()));
        }
        if (rows.isEmpty()) {
            rows.add(new HistoryRow(Optional.empty(), stored.config().created(), "", sizes.image(stored), ""));
        }
        // Docker shows the image ID on the newest row only: the others' intermediate images were never stored here.
        HistoryRow newest = rows.getLast();
        rows.set(rows.size() - 1, new HistoryRow(Optional.of(stored.id()), newest.created(), newest.createdBy(),
                newest.size(), newest.comment()));
        return List.copyOf(rows.reversed());
    }
}
