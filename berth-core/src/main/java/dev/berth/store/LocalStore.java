package dev.berth.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.ConflictException;
import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One store root opened by this process: its content, its images and its garbage collector, sharing
 * the root's two lock files. Opening creates what is missing and sweeps what killed writers left in
 * {@code ingest/}.
 *
 * <p>One {@code LocalStore} per root per process, shared between threads: the locks inside one JVM are
 * counted per instance (the OS lock belongs to the whole process), so two instances on one root would
 * not exclude each other and the JVM would refuse their overlapping file locks at random moments. A
 * second {@link #open} of a root this process has open therefore fails at once with a
 * {@link ConflictException}. The check is a shared lock on {@code .instance.lock}, held until
 * {@link #close}: other processes take it too (any number may open the store); only this JVM's own
 * overlapping lock is refused, by the JVM, whatever path names the root.
 */
public final class LocalStore implements AutoCloseable {

    /** Files in {@code ingest/} with names Berth did not give are removed once this old. */
    static final Duration FOREIGN_TEMP_GRACE = Duration.ofHours(1);

    private static final String OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}";

    private final StoreLayout paths;
    private final StoreLock indexLock;
    private final StoreLock collectLock;
    private final StoreLock sweepLock;
    private final FileContentStore content;
    private final OciLayout images;
    private final List<Path> swept;
    private final FileChannel instanceLock;

    private LocalStore(StoreLayout paths, Clock clock, Supplier<ObjectMapper> json) {
        this.paths = paths;
        createDirectories(paths);
        this.instanceLock = lockInstance(paths);
        this.indexLock = new StoreLock(paths.indexLockFile());
        this.collectLock = new StoreLock(paths.collectLockFile());
        this.sweepLock = new StoreLock(paths.sweepLockFile());
        TempFileOwner owner = TempFileOwner.currentProcess();
        this.content = new FileContentStore(paths, collectLock, owner);
        this.images = new OciLayout(paths, indexLock, collectLock, owner, json);
        try {
            this.swept = new IngestSweeper(clock, FOREIGN_TEMP_GRACE).sweep(paths.ingest());
            writeLayoutFiles();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static FileChannel lockInstance(StoreLayout paths) {
        Path file = paths.instanceLockFile();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.lock(0, Long.MAX_VALUE, true);
            return channel;
        } catch (OverlappingFileLockException alreadyOpen) {
            closeQuietly(channel);
            throw new ConflictException("store " + paths.root() + " is already open in this process: "
                    + "share that LocalStore (one per root per process)");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("locking " + file + ": " + FailureReason.of(e), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing was locked through it
        }
    }

    public static LocalStore open(StoreLayout paths) {
        return open(paths, Clock.systemUTC());
    }

    public static LocalStore open(StoreLayout paths, Clock clock) {
        return new LocalStore(paths, clock, new FirstUse<>(ObjectMapper::new));
    }

    public StoreLayout paths() {
        return paths;
    }

    public ContentStore content() {
        return content;
    }

    public OciLayout images() {
        return images;
    }

    /**
     * Hold this around writing blobs and tagging them, so a garbage collection in another thread or
     * process cannot remove a blob between its commit and the tag that makes it reachable.
     */
    public StoreLock.Held writeGuard() {
        return collectLock.shared();
    }

    /**
     * Hold this while sweeping what killed processes left (containers, mounts, work directories), so two
     * processes never undo the same leftover at once. Independent of the other locks: a sweep never waits for a
     * build that is writing blobs.
     */
    public StoreLock.Held sweepGuard() {
        return sweepLock.exclusive();
    }

    public GarbageCollector collector(BlobReferences references) {
        return new GarbageCollector(paths, content, images, collectLock, references);
    }

    /** The collector with {@link JsonBlobReferences}, which reads OCI and Docker manifests and indexes. */
    public GarbageCollector collector() {
        return collector(new JsonBlobReferences(content));
    }

    /** Leftovers of killed writers removed when this store was opened. */
    public List<Path> sweptOnOpen() {
        return swept;
    }

    @Override
    public void close() {
        try (collectLock; sweepLock) {
            indexLock.close();
        } finally {
            // Closing the channel releases the instance lock: the root may be opened again.
            closeQuietly(instanceLock);
        }
    }

    private static void createDirectories(StoreLayout paths) {
        try {
            for (Path directory : List.of(paths.root(), paths.blobs().resolve("sha256"), paths.ingest(),
                    paths.containers(), paths.cache(), paths.snapshots())) {
                DurableFiles.createDirectory(directory);
            }
        } catch (IOException e) {
            throw new StoreException("creating store in " + paths.root() + ": " + FailureReason.of(e), e);
        }
    }

    /** {@code oci-layout} and an empty {@code index.json}, written once, under the index lock. */
    private void writeLayoutFiles() {
        Path layoutFile = paths.ociLayoutFile();
        try (StoreLock.Held _ = indexLock.exclusive()) {
            if (!Files.exists(layoutFile)) {
                Path temp = paths.ingest().resolve(TempFileOwner.currentProcess().newFileName("layout", new SecureRandom()));
                Files.writeString(temp, OCI_LAYOUT, StandardCharsets.UTF_8);
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                DurableFiles.publish(temp, layoutFile);
            }
        } catch (IOException e) {
            throw new StoreException("writing " + layoutFile + ": " + FailureReason.of(e), e);
        }
        if (!Files.exists(paths.indexFile())) {
            images.update(index -> null);
        }
    }
}
