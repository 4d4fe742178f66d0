package dev.berth.context;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 * when every stat field is equal and the file last changed (mtime or ctime) more than {@link #RACY_WINDOW_NANOS}
 * before it was hashed: a file written in the same clock tick as its hashing could change again
 * without its mtime moving (git's "racy clean" problem), so such entries are re-hashed next time.
 *
 * <p>One cache file per context directory lives under the cache directory; {@link #save()}
 * replaces it atomically (temporary file, then rename), so a killed process leaves either the old or
 * the new file. An unreadable cache file is treated as empty: it only ever saves work.
 * Safe for concurrent lookups and records.
 */
public final class StatCache {

    /** Coarse file-system clocks tick every few milliseconds; two seconds also covers FAT and SMB. */
    public static final long RACY_WINDOW_NANOS = 2_000_000_000L;

    /** 2: entries carry the ctime. */
    private static final int FORMAT = 2;

    private record Entry(FileStat stat, Digest digest, long hashedAtNanos) {
    }

    private final ObjectMapper mapper;
    private final Path file;
    private final Map<String, Entry> entries;
    /** Whether anything changed since the cache was loaded: an unchanged cache is not written again. */
    private final AtomicBoolean changed = new AtomicBoolean();

    private StatCache(ObjectMapper mapper, Path file, Map<String, Entry> entries) {
        this.mapper = mapper;
        this.file = file;
        this.entries = new ConcurrentHashMap<>(entries);
    }

    /** Loads the cache for {@code context} from {@code cacheDir}, or starts an empty one. */
    public static StatCache open(Path cacheDir, Path context) {
        String key = Digest.sha256(context.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8))
                .shortHex();
        Path file = cacheDir.resolve("context-" + key + ".json");
        ObjectMapper mapper = new ObjectMapper();
        return new StatCache(mapper, file, read(mapper, file));
    }

    /** The cache file this cache loads from and saves to. */
    public Path file() {
        return file;
    }

    /** The digest recorded for {@code path} if it was hashed with exactly this stat, long enough after its last change. */
    public Optional<Digest> lookup(String path, FileStat stat) {
        Entry entry = entries.get(path);
        if (entry == null || !entry.stat().equals(stat)
                || stat.changedNanos() > entry.hashedAtNanos() - RACY_WINDOW_NANOS) {
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
     * Writes the cache if it changed: temporary file in the same directory, then an atomic rename over
     * the old one. Written as a stream (20,000 files make a 3 MB document).
     */
    public void save() {
        if (!changed.get()) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
                        JsonGenerator json = mapper.getFactory().createGenerator(out)) {
                    json.writeStartObject();
                    json.writeNumberField("format", FORMAT);
                    json.writeObjectFieldStart("files");
                    for (Map.Entry<String, Entry> named : new TreeMap<>(entries).entrySet()) {
                        Entry entry = named.getValue();
                        json.writeObjectFieldStart(named.getKey());
                        json.writeNumberField("size", entry.stat().size());
                        json.writeNumberField("mtime", entry.stat().mtimeNanos());
                        json.writeNumberField("ctime", entry.stat().ctimeNanos());
                        json.writeNumberField("inode", entry.stat().inode());
                        json.writeNumberField("mode", entry.stat().mode());
                        json.writeStringField("digest", entry.digest().toString());
                        json.writeNumberField("hashedAt", entry.hashedAtNanos());
                        json.writeEndObject();
                    }
                    json.writeEndObject();
                    json.writeEndObject();
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                changed.set(false);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException failure) {
            throw new StoreException("saving the stat cache " + file, failure);
        }
    }

    private static Map<String, Entry> read(ObjectMapper mapper, Path file) {
        Map<String, Entry> entries = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            JsonNode root = mapper.readTree(file.toFile());
            if (root == null || root.path("format").asInt() != FORMAT) {
                return entries;
            }
            for (Map.Entry<String, JsonNode> field : root.path("files").properties()) {
                JsonNode node = field.getValue();
                FileStat stat = new FileStat(node.path("size").asLong(), node.path("mtime").asLong(),
                        node.path("inode").asLong(), node.path("mode").asInt(), node.path("ctime").asLong());
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
