package dev.berth.api;

import dev.berth.image.Digest;
import dev.berth.image.HistoryEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The store's images as {@code berth images}, {@code inspect} and {@code history} show them. */
final class ImageListing {

    private final ImageCatalog catalog;
    private final LayerSizes sizes;

    ImageListing(ImageCatalog catalog, LayerSizes sizes) {
        this.catalog = catalog;
        this.sizes = sizes;
    }

    /**
     * Docker's rows: a dangling image once without a name; otherwise a row per tag, carrying the repo digests of the
     * tag's repository, and one row per repository that has digests but no tag ({@code REPO <none>}).
     */
    List<ImageSummary> images() {
        List<ImageSummary> rows = new ArrayList<>();
        for (StoredImage image : catalog.all()) {
            long size = sizes.image(image);
            boolean named = !image.names().isEmpty();
            boolean tagged = image.names().stream().anyMatch(name -> !ImageNames.isDigest(name));
            if (image.names().isEmpty()) {
                rows.add(new ImageSummary(Optional.empty(), Optional.empty(), List.of(), image.id(),
                        image.descriptor().digest(), image.config().created(), size, tagged, named));
            }
            for (Set<String> names : new ImageNames(image.names()).byRepository().values()) {
                List<Digest> digests = names.stream().filter(ImageNames::isDigest).flatMap(ImageListing::digest).toList();
                List<String> tags = names.stream().filter(name -> !ImageNames.isDigest(name)).toList();
                String repository = FamiliarName.of(names.iterator().next()).repository();
                if (tags.isEmpty()) {
                    rows.add(new ImageSummary(Optional.of(repository), Optional.empty(), digests, image.id(),
                            image.descriptor().digest(), image.config().created(), size, tagged, named));
                }
                for (String tag : tags) {
                    FamiliarName familiar = FamiliarName.of(tag);
                    rows.add(new ImageSummary(Optional.of(familiar.repository()), familiar.tag(), digests, image.id(),
                            image.descriptor().digest(), image.config().created(), size, tagged, named));
                }
            }
        }
        rows.sort(Comparator.comparing((ImageSummary row) -> row.created().map(c -> c.toEpochMilli()).orElse(0L))
                .reversed());
        return List.copyOf(rows);
    }

    private static Stream<Digest> digest(String name) {
        try {
            return Stream.of(Digest.parse(name.substring(name.indexOf('@') + 1)));
        } catch (RuntimeException notADigest) {
            return Stream.empty();
        }
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
