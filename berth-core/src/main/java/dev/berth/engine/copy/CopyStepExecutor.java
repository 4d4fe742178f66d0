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
import dev.berth.image.Digest;
import dev.berth.image.ImagePaths;
import dev.berth.image.LayerRef;
import dev.berth.layer.LayerEntry;
import dev.berth.layer.LayerStorer;
import dev.berth.plan.OctalMode;
import dev.berth.plan.Step;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

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
     * it found ({@link CopyContentKey#hardLinks}), for the step's key.
     */
    public record Written(LayerRef layer, List<Digest> fileDigests, Map<String, String> hardLinks) {
        public Written {
            Objects.requireNonNull(layer, "layer");
            fileDigests = java.util.Collections.unmodifiableList(new ArrayList<>(fileDigests));
            hardLinks = Map.copyOf(hardLinks);
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
                case SYMLINK -> LayerEntry.symlink(item.target(), CopyContentKey.linkTarget(file), mtime);
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
        Map<String, String> links = CopyContentKey.hardLinks(selection);
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
                digests[index] = CopyContentKey.hash(selection, items.get(index).entry(), hasher);
            }
        }
        return new Written(layer, Arrays.asList(digests), links);
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

    public static int compareBytes(String a, String b) {
        return Utf8Order.INSTANCE.compare(a, b);
    }
}
