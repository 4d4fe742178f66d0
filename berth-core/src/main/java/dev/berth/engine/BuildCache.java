package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.mount.CacheMounts;
import dev.berth.engine.rootfs.LayerIndexFiles;
import dev.berth.error.StoreException;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.LayerRef;
import dev.berth.image.StandardMediaType;
import dev.berth.store.ContentStore;
import dev.berth.store.FailureReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The build cache: step key digest to the step's result (the image config after it, stored as a blob,
 * and the layer it made, if any), shared by every build and process. One small file per entry
 * ({@code entries/<key hex>}) and one per step identity for the inputs of that step's last build
 * ({@code last/<sha256 of the identity>}, so a miss can say which input changed): a look-up reads one file,
 * however many entries the cache holds, and a record writes one, to a temp file that is synced and renamed
 * over it, so readers never see half an entry and writers need no lock (the last rename wins, and both are
 * whole). An entry whose blobs are gone is a miss. The blobs entries name are garbage-collection roots
 * ({@link #roots()}).
 */
public final class BuildCache {

    /** A cached step result. */
    public record Entry(Digest config, Optional<LayerRef> layer) {
        public Entry {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(layer, "layer");
        }
    }

    // The single index of earlier versions, which every look-up parsed whole; dropped by prune().
    private static final String LEGACY_INDEX = "build-cache.json";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Duration TEMP_GRACE = Duration.ofHours(1);

    private final Path directory;
    private final Path entries;
    private final Path last;
    private final ContentStore content;
    private final ObjectMapper json = new ObjectMapper();

    public BuildCache(Path directory, ContentStore content) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.entries = directory.resolve("entries");
        this.last = directory.resolve("last");
        this.content = Objects.requireNonNull(content, "content");
    }

    /** Where the directories of {@code RUN --mount=type=cache} live ({@link CacheMounts}). */
    public Path mountsDirectory() {
        return directory.resolve("mounts");
    }

    /** Where each layer's header index is kept, by blob digest ({@link LayerIndexFiles}): derived, rebuilt when missing. */
    public Path layerIndexDirectory() {
        return directory.resolve("layer-index");
    }

    public Optional<Entry> lookup(Digest key) {
        Optional<Entry> found = readBytes(entries.resolve(key.hex())).flatMap(this::entryIn);
        return found.filter(entry -> content.info(entry.config()).isPresent()
                && entry.layer().map(layer -> content.info(layer.blob().digest()).isPresent()).orElse(true));
    }

    public void record(Digest key, Entry entry, String identity, String inputs) {
        ObjectNode node = json.createObjectNode();
        node.put("config", entry.config().toString());
        entry.layer().ifPresent(layer -> node.putObject("layer")
                .put("digest", layer.blob().digest().toString())
                .put("size", layer.blob().size())
                .put("diffId", layer.diffId().toString()));
        try {
            writeAtomically(entries, key.hex(), json.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new StoreException("writing the build cache entry " + key + " in " + entries + ": " + FailureReason.of(e), e);
        }
        writeAtomically(last, identityFile(identity), inputs.getBytes(StandardCharsets.UTF_8));
    }

    /** The inputs recorded for the last build of the step {@code identity}, if any. */
    public Optional<String> lastInputs(String identity) {
        return readBytes(last.resolve(identityFile(identity))).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** Every blob the cache refers to; the garbage collector keeps them. */
    public Set<Digest> roots() {
        Set<Digest> roots = new HashSet<>();
        for (Entry entry : entries()) {
            roots.add(entry.config());
            entry.layer().ifPresent(layer -> roots.add(layer.blob().digest()));
        }
        return roots;
    }

    /** Every entry the cache holds, in no particular order; one being written by another process may be missed. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        for (Path file : entryFiles(entries)) {
            if (!file.getFileName().toString().endsWith(TEMP_SUFFIX)) {
                readBytes(file).flatMap(this::entryIn).ifPresent(all::add);
            }
        }
        return all;
    }

    /** Empties the cache; returns how many entries it held. Their blobs go at the next garbage collection. */
    public int prune() {
        int count = (int) entryFiles(entries).stream().filter(file -> !file.getFileName().toString().endsWith(TEMP_SUFFIX))
                .count();
        try {
            for (Path dir : List.of(entries, last)) {
                for (Path file : entryFiles(dir)) {
                    // A young temp file is another process's record between its write and its rename, which must
                    // find it there; an old one is what a killed writer left.
                    if (!file.getFileName().toString().endsWith(TEMP_SUFFIX) || isOlderThan(file, TEMP_GRACE)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            Files.deleteIfExists(directory.resolve(LEGACY_INDEX));
            Files.deleteIfExists(directory.resolve(LEGACY_INDEX + ".lock"));
        } catch (IOException e) {
            throw new StoreException("emptying the build cache in " + directory + ": " + FailureReason.of(e), e);
        }
        return count;
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

    /**
     * The entry a file holds; empty when it holds none, as a file cut short when the machine went down between
     * a rename and the write-back of its directory may: a miss, which the step's next record replaces.
     */
    private Optional<Entry> entryIn(byte[] bytes) {
        try {
            JsonNode node = json.readTree(bytes);
            return node != null && node.isObject() ? Optional.of(entry(node)) : Optional.empty();
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean isOlderThan(Path file, Duration age) throws IOException {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(age));
        } catch (NoSuchFileException renamedMeanwhile) {
            return false;
        }
    }

    /** An identity can be any length (stage name and instruction): its file is named by its digest. */
    private static String identityFile(String identity) {
        return Digest.sha256(identity.getBytes(StandardCharsets.UTF_8)).hex();
    }

    private static Optional<byte[]> readBytes(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("reading the build cache file " + file + ": " + FailureReason.of(e), e);
        }
    }

    /** The files of {@code dir}, temp files a killed writer left included; none when it does not exist. */
    private static List<Path> entryFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (NoSuchFileException absent) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("listing the build cache in " + dir + ": " + FailureReason.of(e), e);
        }
    }

    private static void writeAtomically(Path dir, String name, byte[] bytes) {
        Path temp = dir.resolve(name + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new StoreException("writing the build cache file " + dir.resolve(name) + ": " + FailureReason.of(e), e);
        }
    }
}
