package dev.berth.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Remembers the content digest of each context file together with the {@link FileStat} it had when
 * hashed, as git's index does, so an unchanged file is never read again. An entry is trusted only
 * when every stat field is equal and the file was last modified more than {@link #RACY_WINDOW_NANOS}
 * before it was hashed: a file written in the same clock tick as its hashing could change again
 * without its mtime moving (git's "racy clean" problem), so such entries are re-hashed next time.
 *
 * <p>One cache file per context directory lives under the cache directory; {@link #save()}
 * replaces it, when something changed, atomically (temporary file, then rename), so a killed process
 * leaves either the old or the new file. An unreadable cache file is treated as empty: it only ever saves work.
 * Safe for concurrent lookups and records.
 */
public final class StatCache {

    /** Coarse file-system clocks tick every few milliseconds; two seconds also covers FAT and SMB. */
    static final long RACY_WINDOW_NANOS = 2_000_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    private record Entry(FileStat stat, Digest digest, long hashedAtNanos) {
    }

    private final Path file;
    private final Map<String, Entry> entries;
    /** Whether the entries differ from the file's (a fresh cache has no file yet, so it counts as changed). */
    private final AtomicBoolean changed;

    private StatCache(Path file, Map<String, Entry> entries, boolean changed) {
        this.file = file;
        this.entries = new ConcurrentHashMap<>(entries);
        this.changed = new AtomicBoolean(changed);
    }

    /** Loads the cache for {@code context} from {@code cacheDir}, or starts an empty one. */
    public static StatCache open(Path cacheDir, Path context) {
        String key = Digest.sha256(context.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8))
                .shortHex();
        Path file = cacheDir.resolve("context-" + key + ".json");
        Map<String, Entry> entries = read(file);
        return new StatCache(file, entries, entries.isEmpty());
    }

    /** The cache file this cache loads from and saves to. */
    public Path file() {
        return file;
    }

    /** The digest recorded for {@code path} if it was hashed with exactly this stat, long enough after its last change. */
    public Optional<Digest> lookup(String path, FileStat stat) {
        Entry entry = entries.get(path);
        if (entry == null || !entry.stat().equals(stat)
                || stat.mtimeNanos() > entry.hashedAtNanos() - RACY_WINDOW_NANOS) {
            return Optional.empty();
        }
        return Optional.of(entry.digest());
    }

    /** Records that {@code path}, with {@code stat}, hashed to {@code digest} at {@code hashedAtNanos} (epoch). */
    public void record(String path, FileStat stat, Digest digest, long hashedAtNanos) {
        Entry entry = new Entry(stat, digest, hashedAtNanos);
        if (!entry.equals(entries.put(path, entry))) {
            changed.set(true);
        }
    }

    /** Forgets every path not in {@code keep}, so deleted files do not accumulate. */
    public void retainOnly(Set<String> keep) {
        if (entries.keySet().retainAll(keep)) {
            changed.set(true);
        }
    }

    /**
     * Writes the cache, if anything was recorded or forgotten since it was loaded or last saved (a no-op
     * rebuild writes nothing): temporary file in the same directory, then an atomic rename over the old one.
     */
    public void save() {
        if (!changed.getAndSet(false)) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode files = root.putObject("files");
        new TreeMap<>(entries).forEach((path, entry) -> files.putObject(path)
                .put("size", entry.stat().size())
                .put("mtime", entry.stat().mtimeNanos())
                .put("inode", entry.stat().inode())
                .put("mode", entry.stat().mode())
                .put("digest", entry.digest().toString())
                .put("hashedAt", entry.hashedAtNanos()));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.write(temporary, JSON.writeValueAsBytes(root));
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException failure) {
            changed.set(true);
            throw new StoreException("saving the stat cache " + file, failure);
        }
    }

    private static Map<String, Entry> read(Path file) {
        Map<String, Entry> entries = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.path("format").asInt() != FORMAT) {
                return entries;
            }
            for (Map.Entry<String, JsonNode> field : root.path("files").properties()) {
                JsonNode node = field.getValue();
                FileStat stat = new FileStat(node.path("size").asLong(), node.path("mtime").asLong(),
                        node.path("inode").asLong(), node.path("mode").asInt());
                entries.put(field.getKey(),
                        new Entry(stat, Digest.parse(node.path("digest").asText()), node.path("hashedAt").asLong()));
            }
            return entries;
        } catch (IOException | IllegalArgumentException corrupt) {
            // A damaged cache costs a re-hash, never a wrong digest: start again from nothing.
            return new TreeMap<>();
        }
    }
}
