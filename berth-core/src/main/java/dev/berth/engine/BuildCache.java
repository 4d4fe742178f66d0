package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.error.StoreException;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.StandardMediaType;
import dev.berth.store.ContentStore;
import dev.berth.store.StoreLock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The build cache: step key digest to the step's result (the image config after it, stored as a blob,
 * and the layer it made, if any), in one small JSON index under the store's cache directory, shared by
 * every build and process. Each change is a read-modify-write under an exclusive file lock, the new
 * index written to a temp file, synced and atomically renamed. An entry whose blobs are gone is a miss.
 * The blobs entries name are garbage-collection roots ({@link #roots()}). It also keeps, per step identity
 * (stage and instruction), the inputs of that step's last build, so a miss can say which input changed.
 */
public final class BuildCache {

    /** A cached step result. */
    public record Entry(Digest config, Optional<LayerRef> layer) {
        public Entry {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(layer, "layer");
        }
    }

    private static final String INDEX = "build-cache.json";

    private final Path directory;
    private final ContentStore content;
    private final ObjectMapper json = new ObjectMapper();

    public BuildCache(Path directory, ContentStore content) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.content = Objects.requireNonNull(content, "content");
    }

    /** Where the directories of {@code RUN --mount=type=cache} live ({@link CacheMounts}). */
    public Path mountsDirectory() {
        return directory.resolve("mounts");
    }

    public Optional<Entry> lookup(Digest key) {
        JsonNode node = read().path("entries").path(key.toString());
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        Entry entry = entry(node);
        boolean present = content.info(entry.config()).isPresent()
                && entry.layer().map(layer -> content.info(layer.blob().digest()).isPresent()).orElse(true);
        return present ? Optional.of(entry) : Optional.empty();
    }

    public void record(Digest key, Entry entry, String identity, String inputs) {
        update(root -> {
            ObjectNode node = root.with("entries").putObject(key.toString());
            node.put("config", entry.config().toString());
            entry.layer().ifPresent(layer -> node.putObject("layer")
                    .put("digest", layer.blob().digest().toString())
                    .put("size", layer.blob().size())
                    .put("diffId", layer.diffId().toString()));
            root.with("last").put(identity, inputs);
        });
    }

    /** The inputs recorded for the last build of the step {@code identity}, if any. */
    public Optional<String> lastInputs(String identity) {
        JsonNode node = read().path("last").path(identity);
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** Every blob the cache refers to; the garbage collector keeps them. */
    public Set<Digest> roots() {
        Set<Digest> roots = new HashSet<>();
        read().path("entries").forEach(node -> {
            Entry entry = entry(node);
            roots.add(entry.config());
            entry.layer().ifPresent(layer -> roots.add(layer.blob().digest()));
        });
        return roots;
    }

    /** Empties the cache; returns how many entries it held. Their blobs go at the next garbage collection. */
    public int prune() {
        int[] count = {0};
        update(root -> {
            count[0] = root.path("entries").size();
            root.removeAll();
        });
        return count[0];
    }

    private static Entry entry(JsonNode node) {
        JsonNode layer = node.path("layer");
        Optional<LayerRef> ref = layer.isObject()
                ? Optional.of(new LayerRef(Descriptor.of(StandardMediaType.OCI_LAYER,
                        Digest.parse(layer.path("digest").asText()), layer.path("size").asLong()),
                        Digest.parse(layer.path("diffId").asText())))
                : Optional.empty();
        return new Entry(Digest.parse(node.path("config").asText()), ref);
    }

    private ObjectNode read() {
        Path index = directory.resolve(INDEX);
        try {
            if (!Files.exists(index)) {
                return json.createObjectNode();
            }
            JsonNode node = json.readTree(Files.readAllBytes(index));
            return node instanceof ObjectNode object ? object : json.createObjectNode();
        } catch (IOException e) {
            throw new StoreException("reading the build cache index " + index, e);
        }
    }

    private synchronized void update(Consumer<ObjectNode> change) {
        try {
            Files.createDirectories(directory);
            try (StoreLock lock = new StoreLock(directory.resolve(INDEX + ".lock"));
                    StoreLock.Held _ = lock.exclusive()) {
                ObjectNode root = read();
                change.accept(root);
                Path temp = directory.resolve(INDEX + "." + UUID.randomUUID() + ".tmp");
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    channel.write(java.nio.ByteBuffer.wrap(json.writeValueAsBytes(root)));
                    channel.force(true);
                }
                Files.move(temp, directory.resolve(INDEX), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new StoreException("writing the build cache index in " + directory, e);
        }
    }
}
