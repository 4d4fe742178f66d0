package dev.berth.api;

import dev.berth.error.ConflictException;
import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.ImageReference;
import dev.berth.image.InvalidReferenceException;
import dev.berth.image.Manifest;
import dev.berth.store.ContentStore;
import dev.berth.store.IndexEntry;
import dev.berth.store.LocalStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the images {@code index.json} lists and finds one by the names Docker accepts: a reference
 * ({@code busybox}, {@code busybox:1.36}, {@code docker.io/library/busybox:latest}), a full image ID
 * ({@code sha256:…}) or a unique prefix of its hex.
 */
final class ImageCatalog {

    private final LocalStore store;
    private final ImageJson json;

    ImageCatalog(LocalStore store, ImageJson json) {
        this.store = store;
        this.json = json;
    }

    /** Every image, in index order, each once with all its names. */
    List<StoredImage> all() {
        Map<Digest, List<IndexEntry>> byManifest = new LinkedHashMap<>();
        for (IndexEntry entry : store.images().list()) {
            byManifest.computeIfAbsent(entry.descriptor().digest(), digest -> new ArrayList<>()).add(entry);
        }
        List<StoredImage> images = new ArrayList<>();
        for (List<IndexEntry> entries : byManifest.values()) {
            List<String> names = entries.stream().flatMap(entry -> entry.name().stream()).toList();
            images.add(read(entries.getFirst(), names));
        }
        return images;
    }

    /**
     * The image {@code text} names.
     *
     * @throws NotFoundException with Docker's message {@code No such image: TEXT}
     */
    StoredImage find(String text) {
        return lookup(text).orElseThrow(() -> new NotFoundException("No such image: " + text));
    }

    Optional<StoredImage> lookup(String text) {
        List<StoredImage> images = all();
        Optional<String> name = referenceName(text);
        if (name.isPresent()) {
            for (StoredImage image : images) {
                if (image.names().contains(name.get())) {
                    return Optional.of(image);
                }
            }
        }
        String hex = text.startsWith("sha256:") ? text.substring("sha256:".length()) : text;
        if (hex.isEmpty() || !hex.matches("[0-9a-f]{1,64}")) {
            return Optional.empty();
        }
        List<StoredImage> matches = images.stream().filter(image -> image.id().hex().startsWith(hex)).toList();
        if (matches.stream().map(StoredImage::id).distinct().count() > 1) {
            throw new NotFoundException("No such image: " + text + " (the ID prefix names "
                    + matches.size() + " images; give more digits)");
        }
        return matches.stream().findFirst();
    }

    /** The full normalized name a reference text stands for, {@code latest} added when untagged. */
    static Optional<String> referenceName(String text) {
        try {
            return Optional.of(ImageReference.parse(text).withDefaultTag().toString());
        } catch (InvalidReferenceException e) {
            return Optional.empty();
        }
    }

    /** The full name a tag or rmi argument stands for; a digest cannot be a target. */
    static String taggableName(String text) {
        ImageReference reference;
        try {
            reference = ImageReference.parse(text);
        } catch (InvalidReferenceException e) {
            throw e.toInvalidInput("<argument>", 1, 1);
        }
        if (reference.digest().isPresent()) {
            throw new ConflictException("refusing to create a tag with a digest reference: " + text);
        }
        return reference.withDefaultTag().toString();
    }

    byte[] blob(Digest digest) {
        try (InputStream in = store.content().open(digest)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("reading blob " + digest + ": " + e.getMessage(), e);
        }
    }

    private StoredImage read(IndexEntry entry, List<String> names) {
        Digest digest = entry.descriptor().digest();
        Manifest manifest = json.readManifest(blob(digest), "manifest " + digest);
        byte[] configBytes = blob(manifest.config().digest());
        ImageConfig config = json.readConfig(configBytes, "config " + manifest.config().digest());
        return new StoredImage(entry.descriptor(), names, manifest, configBytes, config);
    }

    ContentStore content() {
        return store.content();
    }
}
