package dev.berth.api;

import dev.berth.archive.ArchiveFormat;
import dev.berth.archive.ArchiveReader;
import dev.berth.archive.ArchiveWriter;
import dev.berth.archive.SavedImage;
import dev.berth.engine.BuildCache;
import dev.berth.error.BerthException;
import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.LayerRef;
import dev.berth.image.Manifest;
import dev.berth.store.LocalStore;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Images in and out of the store as archives ({@code save}, {@code load}), and the unpacking Docker does after a
 * load or an import so that the first build step or container on the image finds its layers extracted.
 */
final class ArchiveTransfer {

    private final LocalStore store;
    private final ImageJson json;
    private final ImageCatalog catalog;
    private final HostRunSteps runs;

    ArchiveTransfer(LocalStore store, ImageJson json, ImageCatalog catalog, HostRunSteps runs) {
        this.store = store;
        this.json = json;
        this.catalog = catalog;
        this.runs = runs;
    }

    void save(List<String> images, SaveFormat format, OutputStream out) {
        // One entry per image, as docker save merges arguments naming the same image.
        Map<Digest, SavedImage> saved = new LinkedHashMap<>();
        for (String image : images) {
            StoredImage stored = catalog.find(image);
            Optional<String> name = ImageCatalog.referenceName(image).filter(stored.names()::contains);
            List<String> names = new ArrayList<>();
            Optional.ofNullable(saved.get(stored.descriptor().digest())).ifPresent(s -> names.addAll(s.names()));
            // Repo digests are not saved, as docker save skips them: its RepoTags hold tags only (docker load
            // refuses anything else).
            name.map(List::of).orElse(stored.names()).stream().filter(n -> !ImageNames.isDigest(n)).forEach(names::add);
            saved.put(stored.descriptor().digest(),
                    new SavedImage(stored.descriptor().digest(), stored.manifest(), names.stream().distinct().toList()));
        }
        ArchiveFormat layout = switch (format) {
            case DOCKER -> ArchiveFormat.DOCKER;
            case OCI -> ArchiveFormat.OCI;
        };
        new ArchiveWriter(store.content(), json).write(List.copyOf(saved.values()), layout, out);
    }

    List<ArchiveImage> load(InputStream archive) {
        Set<Digest> before = blobs();
        List<ArchiveImage> loaded;
        try {
            loaded = new ArchiveReader(store, json).load(archive).stream()
                    .map(image -> new ArchiveImage(image.id(), image.manifest(), image.names())).toList();
        } catch (RuntimeException refused) {
            removeBlobsSince(before, refused);
            throw refused;
        }
        loaded.forEach(image -> unpackForRuns(image.manifest()));
        return loaded;
    }

    /**
     * Extracts a loaded or imported image's layers into snapshots, as Docker's load and import do, so that
     * the first build step or container on it finds them ({@link HostRunSteps#unpack}: overlay only).
     */
    void unpackForRuns(Digest manifestDigest) {
        Manifest manifest = json.readManifest(catalog.blob(manifestDigest), "manifest " + manifestDigest);
        ImageConfig config = json.readConfig(catalog.blob(manifest.config().digest()),
                "config " + manifest.config().digest());
        List<Digest> diffIds = config.rootFs().diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            return; // refused with a clear message when a build or container uses it
        }
        List<LayerRef> layers = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            layers.add(new LayerRef(manifest.layers().get(i), diffIds.get(i)));
        }
        try {
            runs.unpack(layers);
        } catch (BerthException notUnpacked) {
            // The image is stored and tagged; the first RUN or container on it unpacks it, or says why not.
        }
    }

    /**
     * A refused load must not leave what it stored: the blobs that appeared since {@code before} and
     * that no image and no build cache entry reaches are deleted, under the collector's exclusive lock. A
     * blob another process committed is safe: loads and imports tag under the store's write guard, and a
     * build holds it from a step's layer to its cache entry and from its config to its tag, so the lock
     * waits for them and the cache is read once it is held.
     */
    private void removeBlobsSince(Set<Digest> before, RuntimeException refused) {
        try {
            List<Digest> added = blobs().stream().filter(digest -> !before.contains(digest)).toList();
            if (!added.isEmpty()) {
                store.collector().deleteUnreachable(added,
                        () -> new HashSet<>(new BuildCache(store.paths().cache(), store.content()).roots()));
            }
        } catch (RuntimeException cleanup) {
            refused.addSuppressed(cleanup);
        }
    }

    private Set<Digest> blobs() {
        Set<Digest> digests = new HashSet<>();
        store.content().list().forEach(blob -> digests.add(blob.digest()));
        return digests;
    }
}
