package dev.berth.api;

import dev.berth.engine.BuildCache;
import dev.berth.error.ConflictException;
import dev.berth.image.Digest;
import dev.berth.store.CollectionReport;
import dev.berth.store.GarbageCollector;
import dev.berth.store.IndexEntry;
import dev.berth.store.LocalStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Removes images through the store's garbage collector, so an image's blobs go only when no other
 * image shares them: the images to drop are made dangling, and every other dangling image is kept by
 * naming it as an extra root.
 */
final class ImagePruner {

    private final LocalStore store;
    private final ImageCatalog catalog;
    private final ImageUsage usage;
    private final Function<Digest, List<ContainerSummary>> containers;

    /** @param containers the detached containers made from an image, running ones first */
    ImagePruner(LocalStore store, ImageCatalog catalog, ImageUsage usage,
            Function<Digest, List<ContainerSummary>> containers) {
        this.store = store;
        this.catalog = catalog;
        this.usage = usage;
        this.containers = containers;
    }

    /**
     * Removes a name, or the image: Docker's {@code rmi}. A reference removes that name (a repository's last tag
     * takes the repository's repo digests with it), and the image too when it was the last. An ID removes the image
     * with all its names, which needs {@code force} unless they are of one repository with at most one tag
     * ({@link ImageNames#isSingleReference()}). An image a container uses is kept unless {@code force}.
     */
    RemovedImage remove(String image, boolean force) {
        StoredImage stored = catalog.find(image);
        ImageNames names = new ImageNames(stored.names());
        Optional<String> name = ImageCatalog.referenceName(image).filter(stored.names()::contains);
        List<String> untag = name.map(names::untaggedBy).orElse(stored.names());
        if (name.isEmpty() && stored.names().size() > 1 && !names.isSingleReference() && !force) {
            throw new ConflictException("conflict: unable to delete " + stored.id().shortHex()
                    + " (must be forced) - image is referenced in multiple repositories");
        }
        // Docker refuses to take a name from an image of a single reference (one repository, at most one tag, its
        // digests) that a container uses: the image would be left dangling. Of several, one may go.
        if (name.isPresent() && !force && names.isSingleReference()) {
            keptForContainer(image, stored, name, false);
        }
        boolean deletesImage = untag.size() >= stored.names().size() && !keptForContainer(image, stored, name, force);
        if (deletesImage && usage.inUse(stored.id()) && !force) {
            throw new ConflictException("conflict: unable to delete " + stored.id().shortHex()
                    + " (must be forced) - image is being used by a container");
        }
        store.images().untag(untag);
        List<String> untagged = untag.stream().map(ImageNames::familiar).toList();
        if (!deletesImage) {
            return new RemovedImage(untagged, List.of());
        }
        dropDangling(List.of(stored.descriptor().digest()));
        return new RemovedImage(untagged, List.of(stored.id()));
    }

    PruneReport prune(boolean all) {
        List<Digest> drop = new ArrayList<>();
        List<RemovedImage> removed = new ArrayList<>();
        for (StoredImage image : catalog.all()) {
            // Docker's dangling images: no tag, whatever repo digests they keep.
            boolean candidate = all || new ImageNames(image.names()).tags().isEmpty();
            if (!candidate || usage.inUse(image.id()) || !containers.apply(image.id()).isEmpty()) {
                continue;
            }
            store.images().untag(image.names());
            drop.add(image.descriptor().digest());
            removed.add(new RemovedImage(image.names().stream().map(ImageNames::familiar).toList(),
                    List.of(image.id())));
        }
        CollectionReport report = dropDangling(drop);
        return new PruneReport(removed, report.freedBytes());
    }

    /**
     * Docker's conflicts for an image a container was made from: without {@code force}, refused (in the words for a
     * name or for an ID); an ID is refused even with {@code force} while the container runs, and a name is then
     * only untagged, the image kept for the container.
     */
    private boolean keptForContainer(String image, StoredImage stored, Optional<String> name, boolean force) {
        List<ContainerSummary> users = containers.apply(stored.id());
        if (users.isEmpty()) {
            return false;
        }
        ContainerSummary user = users.getFirst();
        if (name.isPresent() && !force) {
            throw new ConflictException(("conflict: unable to remove repository reference \"%s\" (must force) - "
                    + "container %s is using its referenced image %s").formatted(image, user.shortId(),
                    stored.id().shortHex()));
        }
        if (name.isEmpty() && user.running()) {
            throw new ConflictException("conflict: unable to delete " + stored.id().shortHex()
                    + " (cannot be forced) - image is being used by running container " + user.shortId());
        }
        if (name.isEmpty() && !force) {
            throw new ConflictException("conflict: unable to delete " + stored.id().shortHex()
                    + " (must be forced) - image is being used by stopped container " + user.shortId());
        }
        return user.running();
    }

    /**
     * Drops the listed dangling manifests and the blobs only they used; other dangling images stay, and
     * so does every blob the build cache names, or a later cached build would point at a missing layer.
     */
    CollectionReport dropDangling(List<Digest> manifests) {
        return store.collector().collect(GarbageCollector.Mode.DANGLING, () -> {
            Set<Digest> keep = new HashSet<>(new BuildCache(store.paths().cache(), store.content()).roots());
            for (IndexEntry entry : store.images().list()) {
                if (entry.isDangling() && !manifests.contains(entry.descriptor().digest())) {
                    keep.add(entry.descriptor().digest());
                }
            }
            return keep;
        });
    }
}
