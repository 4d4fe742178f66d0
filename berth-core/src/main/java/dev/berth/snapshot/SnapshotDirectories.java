package dev.berth.snapshot;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.layer.TreeRemover;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The on-disk bookkeeping both snapshotters share, under one root:
 * {@code committed/<hex>/{fs,parent}}, {@code flattened/<hex>/fs}, {@code active/<key>/},
 * {@code tmp/<hex>-<pid>-<random>/} and {@code locks/<area>-<hex>.lock}. A committed snapshot is filled in {@code tmp/} under its lock and renamed into
 * place; a removed one is renamed into {@code tmp/} first, so it disappears at once. Temporary directories
 * of processes that are gone are swept when the directories are opened ({@link TempSweeper}: many processes may
 * open them at once, and none fails on what another process left or removed).
 */
final class SnapshotDirectories {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String FS = "fs";
    private static final String PARENT = "parent";

    /** Fills a directory with a snapshot's file system. */
    @FunctionalInterface
    interface Filler {
        void fill(Path fs) throws IOException;
    }

    private final Path root;
    /** File locks belong to the whole process, so threads of this one first queue here, per chain ID. */
    private final ConcurrentMap<String, ReentrantLock> threadLocks =
            new ConcurrentHashMap<>();

    SnapshotDirectories(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            for (String dir : List.of("committed", "flattened", "active", "tmp", "locks")) {
                Files.createDirectories(this.root.resolve(dir));
            }
            new TempSweeper(this.root.resolve("tmp")).sweep();
        } catch (IOException e) {
            throw new StoreException("opening snapshots in " + this.root + ": " + e.getMessage(), e);
        }
    }

    Path committedFs(Digest chainId) {
        return committed(chainId).resolve(FS);
    }

    boolean isCommitted(Digest chainId) {
        return Files.isDirectory(committedFs(chainId), LinkOption.NOFOLLOW_LINKS);
    }

    Optional<Digest> parentOf(Digest chainId) {
        try {
            return readParent(committed(chainId));
        } catch (IOException e) {
            throw new StoreException("reading the parent of snapshot " + chainId + ": " + e.getMessage(), e);
        }
    }

    /** Records in a snapshot's directory, active or committed, the snapshot it was made on (none: empty). */
    static void writeParent(Path snapshot, Optional<Digest> parent) throws IOException {
        Files.writeString(snapshot.resolve(PARENT), parent.map(Digest::toString).orElse(""), StandardCharsets.UTF_8);
    }

    /** What {@link #writeParent} recorded in {@code snapshot}'s directory. */
    static Optional<Digest> readParent(Path snapshot) throws IOException {
        String text = Files.readString(snapshot.resolve(PARENT), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(Digest.parse(text));
    }

    /** The committed snapshots from {@code top} down to the base, topmost first. */
    List<Digest> chain(Digest top) {
        List<Digest> chain = new ArrayList<>();
        Optional<Digest> current = Optional.of(top);
        while (current.isPresent()) {
            Digest id = current.get();
            if (!isCommitted(id)) {
                throw new StoreException("snapshot " + id + " is not committed");
            }
            chain.add(id);
            current = parentOf(id);
        }
        return List.copyOf(chain);
    }

    /** Makes the committed snapshot {@code chainId} with {@code filler}, unless another process made it first. */
    void create(Digest chainId, Optional<Digest> parent, Filler filler) {
        create(committed(chainId), chainId, parent, filler);
    }

    /**
     * The whole chain {@code chainId} applied into one directory, made with {@code filler} on first use: for
     * chains longer than overlayfs's option page can list.
     */
    Path flattened(Digest chainId, Filler filler) {
        Path dir = root.resolve("flattened").resolve(chainId.hex());
        create(dir, chainId, Optional.empty(), filler);
        return dir.resolve(FS);
    }

    private void create(Path target, Digest chainId, Optional<Digest> parent, Filler filler) {
        String lockName = target.getParent().getFileName() + "-" + chainId.hex();
        var threadLock = threadLocks.computeIfAbsent(lockName, name -> new ReentrantLock());
        threadLock.lock();
        try {
            createLocked(target, lockName, chainId, parent, filler);
        } finally {
            threadLock.unlock();
        }
    }

    private void createLocked(Path target, String lockName, Digest chainId, Optional<Digest> parent, Filler filler) {
        try (FileChannel lockFile = FileChannel.open(root.resolve("locks").resolve(lockName + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = lockFile.lock()) {
            if (Files.isDirectory(target.resolve(FS), LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            Path temp = Files.createDirectory(newTemp(chainId.hex()));
            try {
                Files.createDirectory(temp.resolve(FS));
                filler.fill(temp.resolve(FS));
                writeParent(temp, parent);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                TreeRemover.delete(temp);
                throw e;
            }
        } catch (IOException e) {
            throw new StoreException("making snapshot " + chainId + ": " + e.getMessage(), e);
        }
    }

    /** Moves an already filled directory in as the committed snapshot {@code chainId}. */
    void adopt(Path fs, Digest chainId, Optional<Digest> parent) {
        create(chainId, parent, target -> {
            Files.delete(target);
            Files.move(fs, target, StandardCopyOption.ATOMIC_MOVE);
        });
    }

    Path active(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("snapshot key must match " + KEY.pattern() + ": " + key);
        }
        return root.resolve("active").resolve(key);
    }

    /**
     * Creates the directory of a new active snapshot on {@code parent}; a key in use is an error. The parent is
     * recorded first, before the caller reads the chain below it, so that from then on a collection
     * ({@link SnapshotCollection}) keeps that chain.
     */
    Path createActive(String key, Optional<Digest> parent) {
        Path dir;
        try {
            dir = Files.createDirectory(active(key));
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("preparing snapshot " + key + ": the key is in use", e);
        } catch (IOException e) {
            throw new StoreException("preparing snapshot " + key + ": " + e.getMessage(), e);
        }
        try {
            writeParent(dir, parent);
            return dir;
        } catch (IOException e) {
            discard(dir);
            throw new StoreException("preparing snapshot " + key + ": " + e.getMessage(), e);
        }
    }

    /** The keys of the active snapshots and the committed snapshots' chain IDs, each sorted. */
    List<String> activeKeys() {
        return names(root.resolve("active"));
    }

    List<Digest> committedIds() {
        return names(root.resolve("committed")).stream().map(hex -> Digest.parse("sha256:" + hex)).toList();
    }

    /** When the committed snapshot was made: its directory's last change, which its rename into place keeps. */
    Optional<Instant> committedAt(Digest chainId) {
        try {
            return Optional.of(Files.getLastModifiedTime(committed(chainId), LinkOption.NOFOLLOW_LINKS).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("reading snapshot " + chainId + ": " + e.getMessage(), e);
        }
    }

    /** What an active snapshot was made on, read from its directory; empty when it is gone or not yet recorded. */
    Optional<Optional<Digest>> activeParent(String key) {
        try {
            return Optional.of(readParent(active(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("reading snapshot " + key + ": " + e.getMessage(), e);
        }
    }

    void removeActive(String key) {
        discard(active(key));
    }

    void removeCommitted(Digest chainId) {
        discard(root.resolve("flattened").resolve(chainId.hex()));
        discard(committed(chainId));
    }

    List<SnapshotInfo> list() {
        List<SnapshotInfo> result = new ArrayList<>();
        for (String name : names(root.resolve("committed"))) {
            result.add(new SnapshotInfo("sha256:" + name, SnapshotInfo.Kind.COMMITTED));
        }
        for (String name : names(root.resolve("active"))) {
            result.add(new SnapshotInfo(name, SnapshotInfo.Kind.ACTIVE));
        }
        return List.copyOf(result);
    }

    Path newTemp(String name) {
        return root.resolve("tmp").resolve(name + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
    }

    private Path committed(Digest chainId) {
        if (!chainId.algorithm().equals("sha256")) {
            throw new IllegalArgumentException("chain IDs are sha256 digests: " + chainId);
        }
        return root.resolve("committed").resolve(chainId.hex());
    }

    private void discard(Path dir) {
        Path temp = newTemp("removed");
        try {
            Files.move(dir, temp, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return;
        } catch (AtomicMoveNotSupportedException e) {
            temp = dir;
        } catch (IOException e) {
            throw new StoreException("removing snapshot " + dir.getFileName() + ": " + e.getMessage(), e);
        }
        try {
            TreeRemover.delete(temp);
        } catch (IOException e) {
            throw new StoreException("removing snapshot " + dir.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> names(Path dir) {
        try (var stream = Files.list(dir)) {
            return stream.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new StoreException("listing snapshots in " + dir + ": " + e.getMessage(), e);
        }
    }
}
