package dev.berth.engine.copy;

import dev.berth.context.ContentHasher;
import dev.berth.context.ContextEntry;
import dev.berth.context.FileKind;
import dev.berth.context.HashingFileStream;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a COPY takes, reduced to the digest its cache key holds: each target's path, type, mode, owner, size, link
 * target and content digest (mtime excluded, as BuildKit's content checksum), the hard links among the files, and
 * the here-documents. The files are hashed on every core, through the stat cache when a hasher is given.
 */
public final class CopyContentKey {

    private CopyContentKey() {
    }

    /**
     * The digest of the selection's contents and metadata: each target path, type, mode, owner, size,
     * link target and content digest, or for a hard link the file it is (mtime excluded, as BuildKit's
     * content checksum).
     *
     * @param fileDigests the content digest of each item that is a regular file, by item index
     * @param links the selection's {@link CopyContentKey#hardLinks}
     */
    public static Digest contentDigest(CopyStepExecutor.Selection selection, List<Digest> fileDigests, Map<String, String> links) {
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
    public static List<Digest> hashFiles(CopyStepExecutor.Selection selection, Optional<ContentHasher> hasher) {
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
                running.forEach(CopyContentKey::await);
            }
        }
        return Arrays.asList(digests);
    }

    static Digest hash(CopyStepExecutor.Selection selection, ContextEntry entry, Optional<ContentHasher> hasher) {
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
     * The copied files that are one file with another copied file (hard links in the context or the stage):
     * each target mapped to the target, first in layer order, of the file it is. The layer holds that one as
     * a file and the others as hard links to it, as Docker's COPY keeps them, and the cache key says so. An
     * inode is only a hint: {@link Files#isSameFile} (device and inode) decides.
     */
    public static Map<String, String> hardLinks(CopyStepExecutor.Selection selection) {
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
                    .sorted((a, b) -> CopyStepExecutor.compareBytes(a.target(), b.target()))
                    .forEach(item -> firsts.stream()
                            .filter(first -> isSameFile(source(selection, first), source(selection, item)))
                            .findFirst()
                            .ifPresentOrElse(first -> links.put(item.target(), first.target()), () -> firsts.add(item)));
        }
        return links;
    }

    private static Path source(CopyStepExecutor.Selection selection, CopySelector.Item item) {
        return selection.source().root().resolve(item.entry().path());
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            throw new StoreException("comparing " + a + " with " + b + ": " + e.getMessage(), e);
        }
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
}
