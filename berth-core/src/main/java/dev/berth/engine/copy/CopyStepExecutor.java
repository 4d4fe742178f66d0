package dev.berth.engine.copy;

import dev.berth.context.BuildContext;
import dev.berth.context.ContentHasher;
import dev.berth.context.ContextEntry;
import dev.berth.context.FileKind;
import dev.berth.context.HashingFileStream;
import dev.berth.context.Utf8Order;
import dev.berth.engine.rootfs.ExtractedRootfs;
import dev.berth.engine.rootfs.RootfsAttributes;
import dev.berth.error.StepInputException;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.image.ImagePaths;
import dev.berth.image.LayerRef;
import dev.berth.layer.LayerEntry;
import dev.berth.layer.LayerStorer;
import dev.berth.plan.OctalMode;
import dev.berth.plan.Step;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the layer of a COPY or ADD straight from the source files, streaming, in path order: no copy
 * of the context is made. Files from the context are root's, files from a stage or image keep the owner
 * and mode their layers record, unless {@code --chown} or {@code --chmod} says otherwise; parent
 * directories of the destination are created. ADD extracts a local tar archive (plain, gzip, bzip2, xz
 * or zstd) into the destination instead of copying it.
 */
public final class CopyStepExecutor {

    /**
     * What one COPY takes, ready to be hashed for the cache key or written as a layer.
     *
     * @param owner the owner of created parent directories, and of every file when {@code --chown} is given
     * @param recorded the owners and modes the source's layers record: kept unless {@code --chown} or
     *     {@code --chmod} says otherwise, as BuildKit keeps them for {@code COPY --from}
     * @param inline the step's here-documents as entries, one per {@link Step.CopyStep#inlineFiles}
     * @param destination where the step copies to, relative to the root ({@code ""} for the root)
     */
    public record Selection(Step.CopyStep step, BuildContext source, List<CopySelector.Item> items, Ownership owner,
            Optional<Integer> chmod, RootfsAttributes recorded, List<LayerEntry> inline, String destination) {

        Ownership ownerOf(ContextEntry entry) {
            if (step.chown().isPresent()) {
                return owner;
            }
            return recorded.of(entry.path()).map(kept -> new Ownership(kept.uid(), kept.gid())).orElse(owner);
        }

        int modeOf(ContextEntry entry) {
            if (entry.type() == FileKind.SYMLINK) {
                return 0777;
            }
            return chmod.orElseGet(() -> recorded.of(entry.path()).map(RootfsAttributes.Attributes::mode)
                    .orElse(entry.permissions()));
        }
    }

    private CopyStepExecutor() {
    }

    /**
     * @param isDirectory whether a container path leads to a directory of the stage: a file copied onto one goes
     *     into it, as BuildKit copies it ({@code COPY run.sh /usr/local/bin} is {@code /usr/local/bin/run.sh})
     */
    public static Selection select(Step.CopyStep step, ExtractedRootfs rootfs, String sourceName, List<ContextEntry> listing,
            String workingDir, Ownership owner, Instant created, java.util.function.Predicate<String> isDirectory) {
        BuildContext source = rootfs.files();
        String destination = step.destination().startsWith("/") ? step.destination()
                : (workingDir.isEmpty() ? "/" : workingDir) + "/" + step.destination();
        boolean several = step.sources().size() + step.inlineFiles().size() > 1;
        if ((namesDirectory(step.destination()) || several && !step.inlineFiles().isEmpty()
                || isDirectory.test(destination)) && !destination.endsWith("/")) {
            destination += "/";
        }
        List<CopySelector.Item> items = new CopySelector(source, sourceName, listing)
                .select(step.sources(), destination, step.parents(), step.exclude());
        Optional<Integer> chmod = step.chmod().map(OctalMode::bits);
        return new Selection(step, source, items, owner, chmod, rootfs.attributes(),
                InlineFiles.entries(step.inlineFiles(), destination, owner, chmod, created),
                ImagePaths.relative(destination));
    }

    /** As BuildKit: a destination ending in {@code /}, or {@code .} (the working directory), is a directory. */
    public static boolean namesDirectory(String destination) {
        return destination.endsWith("/") || destination.equals(".") || destination.endsWith("/.");
    }

    /**
     * A COPY's layer together with the content digest of each file it took, by item index, and the hard links
     * it found ({@link #hardLinks}), for the step's key.
     */
    public record Written(LayerRef layer, List<Digest> fileDigests, Map<String, String> hardLinks) {
        public Written {
            Objects.requireNonNull(layer, "layer");
            fileDigests = java.util.Collections.unmodifiableList(new ArrayList<>(fileDigests));
            hardLinks = Map.copyOf(hardLinks);
        }
    }

    /**
     * The digest of the selection's contents and metadata: each target path, type, mode, owner, size,
     * link target and content digest, or for a hard link the file it is (mtime excluded, as BuildKit's
     * content checksum).
     *
     * @param fileDigests the content digest of each item that is a regular file, by item index
     * @param links the selection's {@link #hardLinks}
     */
    public static Digest contentDigest(Selection selection, List<Digest> fileDigests, Map<String, String> links) {
        MessageDigest sha = Digest.newSha256();
        List<CopySelector.Item> items = selection.items();
        for (int index = 0; index < items.size(); index++) {
            CopySelector.Item item = items.get(index);
            ContextEntry entry = item.entry();
            String content = switch (entry.type()) {
                case FILE -> links.containsKey(item.target()) ? "hardlink " + links.get(item.target())
                        : fileDigests.get(index).toString();
                case SYMLINK -> linkTarget(selection.source().root().resolve(entry.path()));
                default -> "";
            };
            String line = item.target() + "\0" + entry.type() + "\0" + selection.modeOf(entry) + "\0"
                    + selection.ownerOf(entry) + "\0" + entry.size() + "\0" + content + "\n";
            sha.update(line.getBytes(StandardCharsets.UTF_8));
        }
        InlineFiles.addTo(sha, selection.step().inlineFiles(), selection.inline());
        return Digest.sha256(sha);
    }

    /**
     * Hashes the selection's regular files (through the stat cache when a hasher is given) on every
     * core: the digest of item {@code i} at index {@code i}, null for items that are not files.
     */
    public static List<Digest> hashFiles(Selection selection, Optional<ContentHasher> hasher) {
        List<CopySelector.Item> items = selection.items();
        Digest[] digests = new Digest[items.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int index = next.getAndIncrement(); index < items.size(); index = next.getAndIncrement()) {
                ContextEntry entry = items.get(index).entry();
                if (entry.type() == FileKind.FILE) {
                    digests[index] = hash(selection, entry, hasher);
                }
            }
        };
        int workers = Math.min(Runtime.getRuntime().availableProcessors(), items.size());
        if (workers <= 1) {
            worker.run();
        } else {
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < workers; i++) {
                    running.add(executor.submit(worker));
                }
                running.forEach(CopyStepExecutor::await);
            }
        }
        return Arrays.asList(digests);
    }

    private static Digest hash(Selection selection, ContextEntry entry, Optional<ContentHasher> hasher) {
        if (hasher.isPresent()) {
            return hasher.get().hash(entry).digest();
        }
        Path file = selection.source().root().resolve(entry.path());
        try (HashingFileStream in = HashingFileStream.uncached(entry.path(), file)) {
            in.transferTo(OutputStream.nullOutputStream());
            return in.finish().digest();
        } catch (IOException e) {
            throw new StoreException("hashing " + file, e);
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.berth.error.ExecutionException("interrupted while hashing files", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new StoreException("hashing files: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Writes the selection's layer, each file hashed as the writer reads it (through the stat cache when
     * a hasher is given, which then need not hash it), so the layer and the content digests for the cache
     * key come from one read: this thread reads and hashes the files while the content store's ingester
     * hashes and writes the tar on threads of its own, the two SHA-256 passes on two cores. A file the layer
     * does not take as is (an archive ADD extracts) is hashed apart.
     */
    public static Written write(Selection selection, StagePaths paths, LayerStorer storer, Instant created,
            Optional<ContentHasher> hasher) {
        Map<String, LayerEntry> entries = new TreeMap<>(CopyStepExecutor::compareBytes);
        Ownership owner = selection.owner();
        List<CopySelector.Item> items = selection.items();
        Digest[] digests = new Digest[items.size()];
        Map<String, LayerEntry> itemFiles = new HashMap<>();
        for (int index = 0; index < items.size(); index++) {
            CopySelector.Item item = items.get(index);
            ContextEntry entry = item.entry();
            Path file = selection.source().root().resolve(entry.path());
            Instant mtime = Instant.ofEpochSecond(0, entry.stat().mtimeNanos());
            if (selection.step().add() && entry.type() == FileKind.FILE && AddedArchives.isArchive(file)) {
                String directory = item.target().contains("/") ? item.target().substring(0, item.target().lastIndexOf('/')) : "";
                String into = namesDirectory(selection.step().destination()) || items.size() > 1
                        ? directory : item.target();
                AddedArchives.read(file, into).forEach(extracted -> entries.put(extracted.path(), extracted));
                continue;
            }
            LayerEntry layerEntry = switch (entry.type()) {
                case DIRECTORY -> LayerEntry.directory(item.target(), selection.modeOf(entry), mtime);
                case SYMLINK -> LayerEntry.symlink(item.target(), linkTarget(file), mtime);
                case FILE -> LayerEntry.file(item.target(), selection.modeOf(entry), mtime, entry.size(),
                        hashedContent(entry, file, hasher, digests, index));
                default -> throw new StepInputException("cannot copy " + entry.path() + ": a " + entry.type()
                        + " is not a file, directory or symbolic link");
            };
            Ownership kept = selection.ownerOf(entry);
            LayerEntry owned = layerEntry.withOwner(kept.uid(), kept.gid());
            entries.put(item.target(), owned);
            if (entry.type() == FileKind.FILE) {
                itemFiles.put(item.target(), owned);
            }
        }
        Map<String, String> links = hardLinks(selection);
        links.forEach((target, first) -> {
            LayerEntry file = entries.get(target);
            // Only while both names still hold the copied files: a later source or archive entry may replace one.
            if (file != null && file == itemFiles.get(target) && entries.get(first) == itemFiles.get(first)) {
                entries.put(target, file.asHardlinkTo(first));
            }
        });
        // Here-documents come after the sources, as BuildKit copies them: one of the same name replaces a file.
        selection.inline().forEach(inline -> entries.put(inline.path(), inline));
        String what = (selection.step().add() ? "ADD" : "COPY") + " to " + selection.step().destination();
        LayerRef layer = storer.store(paths.place(entries.values(), selection.destination(), owner, created, what));
        Map<String, Integer> indexOfTarget = new HashMap<>();
        for (int index = 0; index < items.size(); index++) {
            indexOfTarget.putIfAbsent(items.get(index).target(), index);
        }
        for (int index = 0; index < items.size(); index++) {
            // A hard link's bytes are its first name's, read once.
            String first = links.get(items.get(index).target());
            if (digests[index] == null && first != null) {
                digests[index] = digests[indexOfTarget.get(first)];
            }
        }
        for (int index = 0; index < items.size(); index++) {
            if (digests[index] == null && items.get(index).entry().type() == FileKind.FILE) {
                digests[index] = hash(selection, items.get(index).entry(), hasher);
            }
        }
        return new Written(layer, Arrays.asList(digests), links);
    }

    /**
     * The copied files that are one file with another copied file (hard links in the context or the stage):
     * each target mapped to the target, first in layer order, of the file it is. The layer holds that one as
     * a file and the others as hard links to it, as Docker's COPY keeps them, and the cache key says so. An
     * inode is only a hint: {@link Files#isSameFile} (device and inode) decides.
     */
    public static Map<String, String> hardLinks(Selection selection) {
        Map<Long, List<CopySelector.Item>> byInode = new HashMap<>();
        for (CopySelector.Item item : selection.items()) {
            if (item.entry().type() == FileKind.FILE) {
                byInode.computeIfAbsent(item.entry().stat().inode(), _ -> new ArrayList<>()).add(item);
            }
        }
        Map<String, String> links = new HashMap<>();
        for (List<CopySelector.Item> sameInode : byInode.values()) {
            if (sameInode.size() < 2) {
                continue;
            }
            List<CopySelector.Item> firsts = new ArrayList<>();
            sameInode.stream()
                    .filter(item -> !(selection.step().add() && AddedArchives.isArchive(source(selection, item))))
                    .sorted((a, b) -> compareBytes(a.target(), b.target()))
                    .forEach(item -> firsts.stream()
                            .filter(first -> isSameFile(source(selection, first), source(selection, item)))
                            .findFirst()
                            .ifPresentOrElse(first -> links.put(item.target(), first.target()), () -> firsts.add(item)));
        }
        return links;
    }

    private static Path source(Selection selection, CopySelector.Item item) {
        return selection.source().root().resolve(item.entry().path());
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            throw new StoreException("comparing " + a + " with " + b + ": " + e.getMessage(), e);
        }
    }

    /** The content of a file, which leaves its digest at {@code digests[index]} once read to its end. */
    private static LayerEntry.ContentSource hashedContent(ContextEntry entry, Path file, Optional<ContentHasher> hasher,
            Digest[] digests, int index) {
        return () -> {
            HashingFileStream hashing = hasher.isPresent() ? hasher.get().open(entry) : HashingFileStream.uncached(entry.path(), file);
            return new FilterInputStream(hashing) {
                @Override
                public void close() throws IOException {
                    try (hashing) {
                        if (hashing.ended()) {
                            digests[index] = hashing.finish().digest();
                        }
                    }
                }
            };
        };
    }


    public static String linkTarget(Path file) {
        try {
            return Files.readSymbolicLink(file).toString();
        } catch (IOException e) {
            throw new StoreException("reading symbolic link " + file, e);
        }
    }

    public static String hashFile(Path file) {
        try (var in = Files.newInputStream(file)) {
            MessageDigest sha = Digest.newSha256();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return Digest.sha256(sha).toString();
        } catch (IOException e) {
            throw new StoreException("hashing " + file, e);
        }
    }

    public static int compareBytes(String a, String b) {
        return Utf8Order.INSTANCE.compare(a, b);
    }
}
