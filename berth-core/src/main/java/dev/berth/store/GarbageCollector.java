package dev.berth.store;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Mark and sweep over the store. Roots are every image {@code index.json} lists after the dangling
 * ones are dropped, plus the caller's extra roots (images and blobs used by containers and the build
 * cache); marking follows {@link BlobReferences}. Nothing reachable from a root is removed.
 *
 * <p>Runs under the store's collect lock held exclusively, so no blob is being written or tagged
 * meanwhile. The index is rewritten before any blob is deleted: a crash in between leaves unreferenced
 * blobs (collected next time), never an index pointing at missing blobs.
 */
public final class GarbageCollector {

    /** How much to remove. */
    public enum Mode {
        /** Untagged images no root needs, and the blobs only they used. */
        DANGLING,
        /** As {@link #DANGLING}, and every other blob no root reaches (aborted pulls, old layers). */
        ALL_UNUSED
    }

    private final StoreLayout paths;
    private final ContentStore content;
    private final OciLayout images;
    private final StoreLock collectLock;
    private final BlobReferences references;

    GarbageCollector(StoreLayout paths, ContentStore content, OciLayout images, StoreLock collectLock,
            BlobReferences references) {
        this.paths = paths;
        this.content = content;
        this.images = images;
        this.collectLock = collectLock;
        this.references = references;
    }

    /**
     * Collects; {@code extraRoots} (digests containers and the build cache still use) is read once the lock is
     * held: a build records its steps' layers in the cache while it holds the store's write guard, so roots
     * read before the lock could miss the layer of a step that ended while the collector waited for it.
     */
    public CollectionReport collect(Mode mode, Supplier<Set<Digest>> rootsUnderLock) {
        try (StoreLock.Held _ = collectLock.exclusive()) {
            Set<Digest> extraRoots = rootsUnderLock.get();
            List<IndexEntry> dropped = images.update(index ->
                    index.removeIf(entry -> entry.isDangling() && !extraRoots.contains(entry.descriptor().digest())));
            Set<Digest> roots = new HashSet<>(extraRoots);
            images.list().forEach(entry -> roots.add(entry.descriptor().digest()));
            Set<Digest> live = reachable(roots);
            Set<Digest> candidates = switch (mode) {
                case DANGLING -> reachable(dropped.stream().map(entry -> entry.descriptor().digest()).toList());
                case ALL_UNUSED -> allBlobs();
            };
            List<BlobInfo> removed = new ArrayList<>();
            for (Digest digest : candidates.stream().sorted().toList()) {
                if (!live.contains(digest)) {
                    content.info(digest).filter(info -> content.delete(digest)).ifPresent(removed::add);
                }
            }
            return new CollectionReport(dropped, removed);
        }
    }

    /**
     * Deletes those of {@code candidates} that no image (tagged or dangling) and no extra root reaches:
     * what a refused load or an abandoned write had already committed. Takes the collect lock
     * exclusively, so every writer that could still tag one of them has finished first; the extra roots
     * are read once it is held, as in {@link #collect(Mode, Supplier)}.
     *
     * @return the blobs deleted
     */
    public List<BlobInfo> deleteUnreachable(Collection<Digest> candidates, Supplier<Set<Digest>> rootsUnderLock) {
        try (StoreLock.Held _ = collectLock.exclusive()) {
            Set<Digest> roots = new HashSet<>(rootsUnderLock.get());
            images.list().forEach(entry -> roots.add(entry.descriptor().digest()));
            Set<Digest> live = reachable(roots);
            List<BlobInfo> removed = new ArrayList<>();
            for (Digest digest : candidates.stream().distinct().sorted().toList()) {
                if (!live.contains(digest)) {
                    content.info(digest).filter(info -> content.delete(digest)).ifPresent(removed::add);
                }
            }
            return removed;
        }
    }

    /** Bytes per category; reachable blobs are those {@link #collect} in any mode keeps. */
    public DiskUsage usage(Set<Digest> extraRoots) {
        Set<Digest> roots = new HashSet<>(extraRoots);
        images.list().stream().filter(entry -> !entry.isDangling()).forEach(entry -> roots.add(entry.descriptor().digest()));
        Set<Digest> live = reachable(roots);
        long count = 0;
        long bytes = 0;
        long reachableBytes = 0;
        for (BlobInfo blob : content.list()) {
            count++;
            bytes += blob.size();
            reachableBytes += live.contains(blob.digest()) ? blob.size() : 0;
        }
        return new DiskUsage(count, bytes, reachableBytes, sizeOf(paths.ingest()), sizeOf(paths.containers()),
                sizeOf(paths.cache()), sizeOf(paths.snapshots()));
    }

    private Set<Digest> reachable(Iterable<Digest> roots) {
        Set<Digest> seen = new HashSet<>();
        Deque<Digest> pending = new ArrayDeque<>();
        roots.forEach(pending::add);
        while (!pending.isEmpty()) {
            Digest next = pending.pop();
            if (seen.add(next)) {
                pending.addAll(references.children(next));
            }
        }
        return seen;
    }

    private Set<Digest> allBlobs() {
        Set<Digest> all = new HashSet<>();
        content.list().forEach(blob -> all.add(blob.digest()));
        return all;
    }

    /**
     * Bytes of the regular files below {@code directory}. Builds and sweeps of other processes add and remove files
     * there meanwhile: an entry that is gone by the time the walk reaches it counts as nothing, not as an error.
     */
    private static long sizeOf(Path directory) {
        long[] total = {0};
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    total[0] += attributes.isRegularFile() ? attributes.size() : 0;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                    if (failure instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw failure;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null && !(failure instanceof NoSuchFileException)) {
                        throw failure;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new StoreException("measuring " + directory + ": " + FailureReason.of(e), e);
        }
        return total[0];
    }
}
