package dev.berth.engine;

import dev.berth.context.BuildContext;
import dev.berth.context.ContentHasher;
import dev.berth.context.ContextEntry;
import dev.berth.context.EntryType;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.layer.LayerEntry;
import dev.berth.plan.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the layer of a COPY or ADD straight from the source files, streaming, in path order: no copy
 * of the context is made. Files from the context are root's, files from a stage or image keep the owner
 * and mode their layers record, unless {@code --chown} or {@code --chmod} says otherwise; parent
 * directories of the destination are created. ADD extracts a local tar archive (plain, gzip, bzip2, xz
 * or zstd) into the destination instead of copying it.
 */
final class CopyStepExecutor {

    /**
     * What one COPY takes, ready to be hashed for the cache key or written as a layer.
     *
     * @param owner the owner of created parent directories, and of every file when {@code --chown} is given
     * @param recorded the owners and modes the source's layers record: kept unless {@code --chown} or
     *     {@code --chmod} says otherwise, as BuildKit keeps them for {@code COPY --from}
     */
    record Selection(Step.CopyStep step, BuildContext source, List<CopySelector.Item> items, Ownership owner,
            Optional<Integer> chmod, RootfsAttributes recorded) {

        Ownership ownerOf(ContextEntry entry) {
            if (step.chown().isPresent()) {
                return owner;
            }
            return recorded.of(entry.path()).map(kept -> new Ownership(kept.uid(), kept.gid())).orElse(owner);
        }

        int modeOf(ContextEntry entry) {
            if (entry.type() == EntryType.SYMLINK) {
                return 0777;
            }
            return chmod.orElseGet(() -> recorded.of(entry.path()).map(RootfsAttributes.Attributes::mode)
                    .orElse(entry.permissions()));
        }
    }

    private CopyStepExecutor() {
    }

    static Selection select(Step.CopyStep step, ExtractedRootfs rootfs, String sourceName, List<ContextEntry> listing,
            String workingDir, Ownership owner) {
        BuildContext source = rootfs.files();
        String destination = step.destination().startsWith("/") ? step.destination()
                : (workingDir.isEmpty() ? "/" : workingDir) + "/" + step.destination();
        if (namesDirectory(step.destination()) && !destination.endsWith("/")) {
            destination += "/";
        }
        List<CopySelector.Item> items = new CopySelector(source, sourceName, listing)
                .select(step.sources(), destination, step.parents(), step.exclude());
        return new Selection(step, source, items, owner, step.chmod().map(CopyStepExecutor::octal), rootfs.attributes());
    }

    /** As BuildKit: a destination ending in {@code /}, or {@code .} (the working directory), is a directory. */
    static boolean namesDirectory(String destination) {
        return destination.endsWith("/") || destination.equals(".") || destination.endsWith("/.");
    }

    /**
     * The digest of the selection's contents and metadata: each target path, type, mode, owner, size,
     * link target and content digest (mtime excluded, as BuildKit's content checksum).
     */
    static Digest contentDigest(Selection selection, Optional<ContentHasher> hasher) {
        MessageDigest sha = Digest.newSha256();
        for (CopySelector.Item item : selection.items()) {
            ContextEntry entry = item.entry();
            String content = switch (entry.type()) {
                case FILE -> hasher.map(h -> h.hash(entry).digest().toString())
                        .orElseGet(() -> hashFile(selection.source().root().resolve(entry.path())));
                case SYMLINK -> linkTarget(selection.source().root().resolve(entry.path()));
                default -> "";
            };
            String line = item.target() + "\0" + entry.type() + "\0" + selection.modeOf(entry) + "\0"
                    + selection.ownerOf(entry) + "\0" + entry.size() + "\0" + content + "\n";
            sha.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return Digest.sha256(sha);
    }

    static LayerRef write(Selection selection, LayerStorer storer, Instant created) {
        Map<String, LayerEntry> entries = new TreeMap<>(CopyStepExecutor::compareBytes);
        Ownership owner = selection.owner();
        for (CopySelector.Item item : selection.items()) {
            ContextEntry entry = item.entry();
            Path file = selection.source().root().resolve(entry.path());
            Instant mtime = Instant.ofEpochSecond(0, entry.stat().mtimeNanos());
            if (selection.step().add() && entry.type() == EntryType.FILE && ArchiveEntries.isArchive(file)) {
                String directory = item.target().contains("/") ? item.target().substring(0, item.target().lastIndexOf('/')) : "";
                String into = namesDirectory(selection.step().destination()) || selection.items().size() > 1
                        ? directory : item.target();
                ArchiveEntries.read(file, into).forEach(extracted -> entries.put(extracted.path(), extracted));
                continue;
            }
            LayerEntry layerEntry = switch (entry.type()) {
                case DIRECTORY -> LayerEntry.directory(item.target(), selection.modeOf(entry), mtime);
                case SYMLINK -> LayerEntry.symlink(item.target(), linkTarget(file), mtime);
                case FILE -> LayerEntry.file(item.target(), selection.modeOf(entry), mtime, entry.size(),
                        () -> Files.newInputStream(file));
                default -> throw new StepInputException("cannot copy " + entry.path() + ": a " + entry.type()
                        + " is not a file, directory or symbolic link");
            };
            Ownership kept = selection.ownerOf(entry);
            entries.put(item.target(), layerEntry.withOwner(kept.uid(), kept.gid()));
        }
        addParents(entries, owner, created);
        return storer.store(List.copyOf(entries.values()));
    }

    /** Every parent directory of an entry that the layer does not already hold, mode 0755. */
    static void addParents(Map<String, LayerEntry> entries, Ownership owner, Instant created) {
        List<String> missing = new ArrayList<>();
        for (String path : entries.keySet()) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                String parent = path.substring(0, slash);
                if (!entries.containsKey(parent)) {
                    missing.add(parent);
                }
            }
        }
        missing.forEach(parent -> entries.putIfAbsent(parent,
                LayerEntry.directory(parent, 0755, created).withOwner(owner.uid(), owner.gid())));
    }

    private static int octal(String chmod) {
        if (!chmod.matches("[0-7]{1,4}")) {
            throw new StepInputException("invalid --chmod=" + chmod + ": only octal modes are supported",
                    Optional.of("write the mode in octal, e.g. --chmod=0755"));
        }
        return Integer.parseInt(chmod, 8);
    }

    static String linkTarget(Path file) {
        try {
            return Files.readSymbolicLink(file).toString();
        } catch (IOException e) {
            throw new StoreException("reading symbolic link " + file, e);
        }
    }

    static String hashFile(Path file) {
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

    static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
