package dev.berth.archive;

import dev.berth.error.StoreException;
import dev.berth.error.TransferException;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.store.BlobInfo;
import dev.berth.store.ContentStore;
import dev.berth.store.Ingester;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The files of an image archive, read once from a tar stream. Small files stay in memory; large ones go
 * straight into the content store (hashed as they are written), so a layer is never held in memory.
 * What a file is called says nothing about its content: every consumer gets the digest computed here.
 *
 * <p>Hostile archives are refused: absolute names, {@code ..} components, a name given twice, devices
 * and fifos. Symbolic and hard links (old {@code docker save} links repeated layers) never touch the
 * file system: they are aliases resolved inside the archive, and must lead to a regular file in it.
 */
final class ArchiveEntries {

    /** Files up to this size are kept in memory: manifests, configs, small layers. */
    static final int IN_MEMORY_LIMIT = 1 << 20;
    /** Beyond this many bytes in memory, every further file goes to the store. */
    static final long MEMORY_BUDGET = 64L << 20;
    private static final int MAX_LINK_DEPTH = 16;

    /** A file's content: its bytes, or a blob already in the store. */
    sealed interface Content {
        long size();

        Digest digest();
    }

    record InMemory(byte[] bytes, Digest digest) implements Content {
        @Override
        public long size() {
            return bytes.length;
        }
    }

    record Stored(BlobInfo blob) implements Content {
        @Override
        public long size() {
            return blob.size();
        }

        @Override
        public Digest digest() {
            return blob.digest();
        }
    }

    private final Map<String, Content> files = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private final Map<Digest, Content> byDigest = new HashMap<>();
    private final ContentStore store;

    private ArchiveEntries(ContentStore store) {
        this.store = store;
    }

    static ArchiveEntries read(InputStream archive, ContentStore store) {
        ArchiveEntries entries = new ArchiveEntries(store);
        long inMemory = 0;
        try {
            // Bounded: a hostile archive cannot make the reader hold a huge PAX header or long name in memory.
            TarArchiveInputStream tar = new dev.berth.layer.BoundedTarInputStream(archive);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = clean(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.files.containsKey(name) || entries.links.containsKey(name)) {
                    throw hostile("it holds " + name + " twice");
                }
                if (entry.isSymbolicLink()) {
                    entries.links.put(name, symlinkTarget(name, entry.getLinkName()));
                } else if (entry.isLink()) {
                    entries.links.put(name, clean(entry.getLinkName()));
                } else if (isRegularFile(entry)) {
                    if (entry.getSize() <= IN_MEMORY_LIMIT && inMemory + entry.getSize() <= MEMORY_BUDGET) {
                        byte[] bytes = tar.readAllBytes();
                        inMemory += bytes.length;
                        entries.files.put(name, new InMemory(bytes, Digest.sha256(bytes)));
                    } else {
                        entries.files.put(name, new Stored(entries.ingest(tar)));
                    }
                } else {
                    throw hostile(name + " is neither a file, a directory nor a link");
                }
            }
        } catch (IOException e) {
            throw new TransferException("reading the image archive: " + e.getMessage(), e);
        }
        return entries;
    }

    /** Commons Compress calls every non-directory a file; only these type flags are regular files. */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte flag = entry.getLinkFlag();
        return flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG;
    }

    boolean has(String name) {
        return find(name).isPresent();
    }

    /** The file a name (or a link chain starting at it) leads to. */
    Optional<Content> find(String name) {
        String current = name;
        for (int depth = 0; depth <= MAX_LINK_DEPTH; depth++) {
            Content content = files.get(current);
            if (content != null) {
                return Optional.of(content);
            }
            current = links.get(current);
            if (current == null) {
                return Optional.empty();
            }
        }
        throw hostile("links starting at " + name + " go on for more than " + MAX_LINK_DEPTH + " steps");
    }

    Content require(String name) {
        return find(name).orElseThrow(() -> hostile("it names " + name + " but holds no such file"));
    }

    /**
     * The file whose content hashes to the descriptor's digest and has its size, whatever its name: an
     * archive cannot pass off other bytes under a blob's name.
     */
    Content blob(Descriptor descriptor) {
        if (byDigest.isEmpty()) {
            files.values().forEach(content -> byDigest.putIfAbsent(content.digest(), content));
        }
        Content content = byDigest.get(descriptor.digest());
        if (content == null) {
            throw hostile("it holds no blob with digest " + descriptor.digest());
        }
        if (content.size() != descriptor.size()) {
            throw hostile("blob " + descriptor.digest() + " has " + content.size() + " bytes, not the "
                    + descriptor.size() + " its descriptor says");
        }
        return content;
    }

    InputStream open(Content content) {
        return switch (content) {
            case InMemory memory -> new ByteArrayInputStream(memory.bytes());
            case Stored stored -> store.open(stored.digest());
        };
    }

    byte[] bytes(Content content, long limit, String what) {
        if (content.size() > limit) {
            throw hostile(what + " is " + content.size() + " bytes, more than the " + limit + " allowed");
        }
        try (InputStream in = open(content)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("reading " + what + ": " + e.getMessage(), e);
        }
    }

    /** Puts a file's content into the store (a no-op for one already there) and returns its digest and size. */
    BlobInfo ingest(Content content) {
        return switch (content) {
            case Stored stored -> stored.blob();
            case InMemory memory -> {
                try (Ingester ingester = store.ingest()) {
                    ingester.stream().write(memory.bytes());
                    yield ingester.commit(Optional.of(memory.digest()));
                } catch (IOException e) {
                    throw new StoreException("storing a blob from the archive: " + e.getMessage(), e);
                }
            }
        };
    }

    private BlobInfo ingest(InputStream in) throws IOException {
        try (Ingester ingester = store.ingest()) {
            in.transferTo(ingester.stream());
            return ingester.commit(Optional.empty());
        }
    }

    /** The archive-relative name of a tar entry, refused when it could leave the archive. */
    static String clean(String raw) {
        String name = raw;
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\0') >= 0) {
            throw hostile("the entry name \"" + raw + "\" is absolute or empty");
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..")) {
                throw hostile("the entry name \"" + raw + "\" leads outside the archive");
            }
        }
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    /** A relative symlink target resolved against the link's directory; it must stay inside the archive. */
    static String symlinkTarget(String link, String target) {
        if (target.startsWith("/")) {
            throw hostile("the link " + link + " points to the absolute path " + target);
        }
        ArrayDeque<String> parts = new ArrayDeque<>();
        String[] linkParts = link.split("/");
        for (int i = 0; i < linkParts.length - 1; i++) {
            parts.addLast(linkParts[i]);
        }
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw hostile("the link " + link + " points outside the archive: " + target);
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    static TransferException hostile(String why) {
        return new TransferException("refusing the image archive: " + why);
    }
}
