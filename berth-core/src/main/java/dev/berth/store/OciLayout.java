package dev.berth.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The images of the store, listed in the OCI layout's {@code index.json}; a tag is the
 * {@code org.opencontainers.image.ref.name} annotation of an entry, holding the full normalized
 * reference ({@code docker.io/library/busybox:latest}).
 *
 * <p>Every change is one read-modify-write under the store's exclusive index lock: the new file is
 * written to {@code ingest/}, synced and renamed over {@code index.json}, then the directory is synced.
 * Readers take no lock; the rename means they see the old file or the new one, never a mix.
 */
public final class OciLayout {

    /**
     * The {@code ref.name} character set of the OCI image spec (annotations.md): components of letters,
     * digits and {@code -._:@+}, starting and ending with a letter or digit, joined by {@code /}. Looser
     * than the spec's grammar on repeated separators, because Docker names allow {@code __} and {@code ---}.
     */
    private static final Pattern REF_NAME = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9._:@+-]*[A-Za-z0-9])?(?:/[A-Za-z0-9](?:[A-Za-z0-9._:@+-]*[A-Za-z0-9])?)*");

    private final StoreLayout layout;
    private final StoreLock indexLock;
    private final StoreLock collectLock;
    private final TempFileOwner owner;
    private final Supplier<ObjectMapper> json;

    OciLayout(StoreLayout layout, StoreLock indexLock, StoreLock collectLock, TempFileOwner owner,
            Supplier<ObjectMapper> json) {
        this.layout = layout;
        this.indexLock = indexLock;
        this.collectLock = collectLock;
        this.owner = owner;
        this.json = json;
    }

    /** Every image listed, tagged or dangling, in file order. */
    public List<IndexEntry> list() {
        return List.copyOf(read().entries());
    }

    /** The image a full reference name is tagged to. */
    public Optional<IndexDescriptor> resolve(String name) {
        return read().entries().stream()
                .filter(entry -> entry.name().equals(Optional.of(name)))
                .map(IndexEntry::descriptor)
                .findFirst();
    }

    /**
     * Points {@code name} at {@code descriptor}. An image the name pointed at before stays listed,
     * untagged (dangling), unless another entry still lists it. Nothing changes, and nothing is written,
     * when the name already points at {@code descriptor}.
     *
     * @throws IllegalArgumentException when the name breaks the OCI {@code ref.name} grammar
     */
    public void tag(String name, IndexDescriptor descriptor) {
        tag(List.of(name), descriptor);
    }

    /**
     * Points every name at {@code descriptor} in one rewrite of {@code index.json}, as {@link #tag(String,
     * IndexDescriptor)} does one: a pull records its tag and its repo digest together or not at all.
     *
     * @throws IllegalArgumentException when a name breaks the OCI {@code ref.name} grammar (nothing is written)
     */
    public void tag(List<String> names, IndexDescriptor descriptor) {
        names.forEach(OciLayout::requireValidName);
        // Adding a reference: shared collect lock, so a collection cannot sweep the image meanwhile.
        try (StoreLock.Held _ = collectLock.shared()) {
            update(index -> {
                for (String name : names) {
                    if (index.entries().stream().anyMatch(entry -> entry.name().equals(Optional.of(name))
                            && entry.descriptor().equals(descriptor))) {
                        continue;
                    }
                    List<IndexEntry> previous = index.removeIf(entry -> entry.name().equals(Optional.of(name)));
                    index.add(descriptor, Optional.of(name));
                    keepDangling(index, previous);
                }
                return null;
            });
        }
    }

    /** Lists an image without a name (a build without {@code -t}); nothing happens if it is listed already. */
    public void addUntagged(IndexDescriptor descriptor) {
        try (StoreLock.Held _ = collectLock.shared()) {
            update(index -> {
                if (index.entries().stream().noneMatch(entry -> entry.descriptor().digest().equals(descriptor.digest()))) {
                    index.add(descriptor, Optional.empty());
                }
                return null;
            });
        }
    }

    /** Removes a name; its image stays listed as dangling unless another entry lists it. False if absent. */
    public boolean untag(String name) {
        return update(index -> {
            List<IndexEntry> removed = index.removeIf(entry -> entry.name().equals(Optional.of(name)));
            keepDangling(index, removed);
            return !removed.isEmpty();
        });
    }

    /**
     * Removes names in one rewrite of {@code index.json}: an {@code rmi} that takes a tag and its repository's
     * digests leaves all or none of them. Images left without a name stay listed as dangling. Gives how many
     * names were there.
     */
    public int untag(List<String> names) {
        return update(index -> {
            List<IndexEntry> removed = index.removeIf(entry -> entry.name().isPresent() && names.contains(entry.name().get()));
            keepDangling(index, removed);
            return removed.size();
        });
    }

    /** Removes every entry, tagged or not, for the image; returns those removed. */
    public List<IndexEntry> remove(Digest digest) {
        return update(index -> index.removeIf(entry -> entry.descriptor().digest().equals(digest)));
    }

    /**
     * Runs one read-modify-write of {@code index.json} under the exclusive index lock and returns what
     * {@code change} returns. The file is written only when it is missing or the change changed it, so a
     * rebuild that tags the image its tag already names costs no write and no sync. Package-private: the
     * garbage collector drops dangling entries this way.
     */
    <T> T update(Function<IndexDocument, T> change) {
        try (StoreLock.Held _ = indexLock.exclusive()) {
            boolean present = Files.exists(layout.indexFile());
            IndexDocument index = read();
            JsonNode before = index.tree().deepCopy();
            T result = change.apply(index);
            if (!present || !index.tree().equals(before)) {
                write(index);
            }
            return result;
        }
    }

    IndexDocument read() {
        Path file = layout.indexFile();
        try {
            return IndexDocument.of(json.get().readTree(file.toFile()));
        } catch (NoSuchFileException | FileNotFoundException absent) {
            return IndexDocument.empty(json.get());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new StoreException("reading " + file + ": not an OCI image index: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreException("reading " + file + ": " + FailureReason.of(e), e);
        }
    }

    private void write(IndexDocument index) {
        // Seeded here, not when the store opens: SecureRandom's first use reads the security configuration,
        // which commands that only read the index should not pay for.
        Path temp = layout.ingest().resolve(owner.newFileName("index", new SecureRandom()));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(json.get().writeValueAsBytes(index.tree()));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            DurableFiles.publish(temp, layout.indexFile());
        } catch (IOException e) {
            throw new StoreException("writing " + layout.indexFile() + " through " + temp + ": " + FailureReason.of(e), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new StoreException("removing " + temp + ": " + FailureReason.of(e), e);
            }
        }
    }

    private static void keepDangling(IndexDocument index, List<IndexEntry> untagged) {
        for (IndexEntry entry : untagged) {
            Digest digest = entry.descriptor().digest();
            if (index.entries().stream().noneMatch(other -> other.descriptor().digest().equals(digest))) {
                index.add(entry.descriptor(), Optional.empty());
            }
        }
    }

    private static void requireValidName(String name) {
        if (!REF_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid image name \"" + name
                    + "\": an OCI ref.name is components of letters, digits and - . _ : @ +, each starting and ending with a letter or digit, joined by /");
        }
    }
}
