package dev.berth.store;

import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The content store on disk: {@code blobs/<alg>/<hex>} of an OCI image layout, written through
 * {@code ingest/}. Readers take no lock: a blob file appears by atomic rename, complete and verified.
 * Obtain it from {@link LocalStore}, which creates the directories and sweeps what a crash left.
 */
public final class FileContentStore implements ContentStore {

    private final StoreLayout layout;
    private final StoreLock collectLock;
    private final TempFileOwner owner;

    FileContentStore(StoreLayout layout, StoreLock collectLock, TempFileOwner owner) {
        this.layout = layout;
        this.collectLock = collectLock;
        this.owner = owner;
    }

    @Override
    public Optional<BlobInfo> info(Digest digest) {
        try {
            return Optional.of(new BlobInfo(digest, Files.size(layout.blob(digest))));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("reading size of blob " + layout.blob(digest) + ": " + FailureReason.of(e), e);
        }
    }

    @Override
    public InputStream open(Digest digest) {
        Path file = layout.blob(digest);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException absent) {
            throw new NotFoundException("blob " + digest + " not found in " + layout.root(), absent);
        } catch (IOException e) {
            throw new StoreException("opening blob " + file + ": " + FailureReason.of(e), e);
        }
    }

    @Override
    public Ingester ingest() {
        StoreLock.Held guard = collectLock.shared();
        // Seeded per ingest, not when the store opens: SecureRandom's first use reads the security
        // configuration, which a cached build, writing no blob, should not pay for.
        return new FileIngester(layout, layout.ingest().resolve(owner.newFileName("blob", new SecureRandom())), guard);
    }

    @Override
    public boolean delete(Digest digest) {
        Path file = layout.blob(digest);
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException("deleting blob " + file + ": " + FailureReason.of(e), e);
        }
    }

    @Override
    public List<BlobInfo> list() {
        List<BlobInfo> blobs = new ArrayList<>();
        try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(layout.blobs())) {
            for (Path algorithm : algorithms) {
                listInto(algorithm, blobs);
            }
        } catch (NoSuchFileException empty) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("listing blobs in " + layout.blobs() + ": " + FailureReason.of(e), e);
        }
        blobs.sort(Comparator.comparing(BlobInfo::digest));
        return List.copyOf(blobs);
    }

    private static void listInto(Path algorithmDirectory, List<BlobInfo> blobs) throws IOException {
        if (!Files.isDirectory(algorithmDirectory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(algorithmDirectory)) {
            for (Path file : files) {
                Optional<Digest> digest = digestNamed(algorithmDirectory.getFileName() + ":" + file.getFileName());
                if (digest.isPresent()) {
                    try {
                        blobs.add(new BlobInfo(digest.get(), Files.size(file)));
                    } catch (NoSuchFileException deletedMeanwhile) {
                        // A concurrent delete; the listing is a snapshot either way.
                    }
                }
            }
        }
    }

    /** Files whose names are not digests (left by other tools) are not blobs. */
    private static Optional<Digest> digestNamed(String name) {
        try {
            return Optional.of(Digest.parse(name));
        } catch (IllegalArgumentException notADigest) {
            return Optional.empty();
        }
    }
}
