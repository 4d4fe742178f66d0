package dev.berth.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.TransferException;
import dev.berth.error.UnsupportedFeatureException;
import dev.berth.image.Compression;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageIndex;
import dev.berth.image.ImageJson;
import dev.berth.image.ImageReference;
import dev.berth.image.InvalidReferenceException;
import dev.berth.image.Manifest;
import dev.berth.image.StandardMediaType;
import dev.berth.store.BlobInfo;
import dev.berth.store.IndexDescriptor;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLock;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code load}: reads a {@code docker save} archive (the layout before Docker 25, {@code <id>/layer.tar},
 * or the OCI-based one since) or an OCI archive, and stores and names its images.
 *
 * <p>Nothing the archive claims is believed: every file is hashed as it is read, a blob must hash to the
 * digest its descriptor names, and each layer's uncompressed digest must equal the config's
 * {@code rootfs.diff_ids} entry. The config bytes are stored exactly as found, so the image ID is the
 * one Docker shows. From a Docker archive whose {@code index.json} holds the very manifest of an image,
 * that manifest is kept (same digest as in Docker's containerd store); otherwise an OCI manifest is made.
 */
public final class ArchiveReader {

    private final LocalStore store;
    private final ImageJson json;
    private final ObjectMapper mapper = new ObjectMapper();

    public ArchiveReader(LocalStore store, ImageJson json) {
        this.store = store;
        this.json = json;
    }

    public List<LoadedImage> load(InputStream archive) {
        try (StoreLock.Held _ = store.writeGuard();
             InputStream tar = Decompression.open(archive)) {
            ArchiveEntries entries = ArchiveEntries.read(tar, store.content());
            List<OciImage> ociImages = entries.has("index.json") ? new OciIndexReader(entries, json).images() : List.of();
            if (entries.has("manifest.json")) {
                return loadDocker(entries, ociImages);
            }
            if (entries.has("index.json")) {
                List<LoadedImage> loaded = new ArrayList<>();
                for (OciImage image : ociImages) {
                    loaded.add(store(entries, image.manifestBlob(), image.manifest(), image.names()));
                }
                return loaded;
            }
            throw ArchiveEntries.hostile("it holds neither manifest.json (docker save) nor index.json (OCI)");
        } catch (IOException e) {
            throw new TransferException("reading the image archive: " + e.getMessage(), e);
        }
    }

    private List<LoadedImage> loadDocker(ArchiveEntries entries, List<OciImage> ociImages) throws IOException {
        byte[] manifestJson = entries.bytes(entries.require("manifest.json"), ImageJson.DEFAULT_MAX_MANIFEST_BYTES,
                "manifest.json");
        JsonNode root = mapper.readTree(manifestJson);
        if (root == null || !root.isArray()) {
            throw ArchiveEntries.hostile("manifest.json is not a JSON array");
        }
        List<LoadedImage> loaded = new ArrayList<>();
        for (JsonNode item : root) {
            String configPath = ArchiveEntries.clean(text(item, "Config"));
            ArchiveEntries.Content config = entries.require(configPath);
            List<String> names = new ArrayList<>();
            for (JsonNode tag : item.path("RepoTags")) {
                names.add(fullName(tag.asText()));
            }
            Optional<OciImage> same = ociImages.stream()
                    .filter(image -> image.manifest().config().digest().equals(config.digest()))
                    .findFirst();
            if (same.isPresent()) {
                loaded.add(store(entries, same.get().manifestBlob(), same.get().manifest(), names));
                continue;
            }
            List<Descriptor> layers = new ArrayList<>();
            for (JsonNode layer : item.path("Layers")) {
                ArchiveEntries.Content content = entries.require(ArchiveEntries.clean(layer.asText()));
                layers.add(Descriptor.of(layerType(entries, content), content.digest(), content.size()));
            }
            Manifest manifest = Manifest.oci(
                    Descriptor.of(StandardMediaType.OCI_CONFIG, config.digest(), config.size()), layers);
            byte[] manifestBytes = json.write(manifest);
            ArchiveEntries.Content manifestBlob = new ArchiveEntries.InMemory(manifestBytes, Digest.sha256(manifestBytes));
            loaded.add(store(entries, manifestBlob, manifest, names));
        }
        return loaded;
    }

    /** Verifies the image's blobs against each other, stores them and names the image. */
    private LoadedImage store(ArchiveEntries entries, ArchiveEntries.Content manifestBlob, Manifest manifest,
                              List<String> names) {
        ArchiveEntries.Content configContent = entries.blob(manifest.config());
        ImageConfig config = json.readConfig(entries.bytes(configContent, ImageJson.DEFAULT_MAX_CONFIG_BYTES, "config"),
                "config " + configContent.digest());
        List<Digest> diffIds = config.rootFs().diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            throw ArchiveEntries.hostile("the config lists " + diffIds.size() + " layers but the manifest "
                    + manifest.layers().size());
        }
        for (int i = 0; i < diffIds.size(); i++) {
            Descriptor layer = manifest.layers().get(i);
            ArchiveEntries.Content content = entries.blob(layer);
            Digest diffId = LayerContent.diffId(entries, content);
            if (!diffId.equals(diffIds.get(i))) {
                throw ArchiveEntries.hostile("layer " + (i + 1) + " (" + layer.digest() + ") has content "
                        + diffId + " but the config expects " + diffIds.get(i));
            }
            entries.ingest(content);
        }
        entries.ingest(configContent);
        BlobInfo manifestInfo = entries.ingest(manifestBlob);
        IndexDescriptor descriptor = new IndexDescriptor(
                manifest.mediaType().orElse(StandardMediaType.OCI_MANIFEST).value(), manifestInfo.digest(),
                manifestInfo.size());
        if (names.isEmpty()) {
            store.images().addUntagged(descriptor);
        }
        names.forEach(name -> store.images().tag(name, descriptor));
        return new LoadedImage(manifest.config().digest(), manifestInfo.digest(), names);
    }

    private static StandardMediaType layerType(ArchiveEntries entries, ArchiveEntries.Content content) {
        Compression compression = LayerContent.compression(entries, content);
        return switch (compression) {
            case NONE -> StandardMediaType.OCI_LAYER;
            case GZIP -> StandardMediaType.OCI_LAYER_GZIP;
            case ZSTD -> StandardMediaType.OCI_LAYER_ZSTD;
        };
    }

    static String fullName(String text) {
        try {
            return ImageReference.parse(text).withDefaultTag().toString();
        } catch (InvalidReferenceException e) {
            throw ArchiveEntries.hostile("the name " + text + " is not a valid reference: " + e.getMessage());
        }
    }

    private static String text(JsonNode item, String member) {
        JsonNode node = item.get(member);
        if (node == null || !node.isTextual()) {
            throw ArchiveEntries.hostile("a manifest.json entry has no " + member);
        }
        return node.asText();
    }

    static UnsupportedFeatureException unsupported(String what) {
        return new UnsupportedFeatureException("loading the image archive: " + what);
    }
}
