package dev.berth.registry;

import dev.berth.error.BerthException;
import dev.berth.error.StoreException;
import dev.berth.error.TransferException;
import dev.berth.event.TransferEvent;
import dev.berth.event.TransferListener;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.ImageReference;
import dev.berth.image.Manifest;
import dev.berth.image.StandardMediaType;
import dev.berth.store.IndexDescriptor;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLock;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pushes a stored image to a repository: layers the store keeps uncompressed (what builds write), or every layer not
 * in the format a {@link PushCompression} names, are compressed on the way out into the store and remembered for the
 * next push ({@link PushLayers}); then the config and layers go up in parallel on virtual
 * threads ({@link BlobUploader}), the manifest last. A manifest whose layers all stay as they are is pushed byte for
 * byte, so its digest is the store's.
 */
public final class ImagePusher {

    private final RegistryTransport transport;
    private final LocalStore store;
    private final ImageJson json;
    private final BlobMemory memory;

    public ImagePusher(RegistryTransport transport, LocalStore store, ImageJson json) {
        this.transport = transport;
        this.store = store;
        this.json = json;
        this.memory = new BlobMemory(store.paths().cache().resolve("registry"));
    }

    /**
     * Pushes the stored image {@code stored} lists to {@code asked} (a tag) and records the registry's manifest
     * digest as the image's repo digest ({@code NAME@DIGEST}), as Docker records a push.
     */
    public PushedImage push(ImageReference asked, IndexDescriptor stored, PushCompression compression,
            TransferListener listener) {
        Digest manifestDigest = stored.digest();
        if (asked.digest().isPresent()) {
            throw new TransferException("pushing " + asked.familiar() + ": a push names a tag, not a digest");
        }
        ImageReference target = asked.withDefaultTag();
        String what = "pushing " + target.familiar();
        listener.on(new TransferEvent.Started(target.toString(), target.name(), true));
        byte[] storedBytes = read(manifestDigest);
        Manifest manifest = json.readManifest(storedBytes, "the manifest of " + target.familiar());
        ImageConfig config = json.readConfig(read(manifest.config().digest()), "the config of " + target.familiar());
        List<Digest> diffIds = config.rootFs().diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            throw new TransferException("%s: the image is damaged: its manifest lists %d layers, its config %d diffIDs"
                    .formatted(what, manifest.layers().size(), diffIds.size()));
        }
        RepositoryClient client = new RepositoryClient(transport, transport.endpoint(target.domain()), target.path(), true);
        // Compressed layers are ingested into the store: the write guard keeps them from a collection until pushed.
        try (StoreLock.Held _ = store.writeGuard()) {
            Manifest pushedManifest = new PushLayers(store, memory, compression).forPush(manifest, diffIds);
            // A manifest whose layers all stay as they are goes byte for byte, so its digest is the store's.
            byte[] bytes = pushedManifest == manifest ? storedBytes : json.write(pushedManifest);
            List<Descriptor> layers = pushedManifest.layers();
            List<Descriptor> blobs = new ArrayList<>(layers);
            blobs.add(pushedManifest.config());
            uploadAll(client, blobs.stream().distinct().toList(), pushedManifest.config(), what, listener);
            String mediaType = pushedManifest.mediaType().map(type -> type.value())
                    .orElse(StandardMediaType.OCI_MANIFEST.value());
            client.putManifest(target.tag().orElseThrow(), mediaType, bytes, what);
            Digest digest = Digest.sha256(bytes);
            store.images().tag(target.name() + "@" + digest, stored);
            listener.on(new TransferEvent.Finished(target.toString(), digest, bytes.length, true));
            return new PushedImage(target, digest, bytes.length);
        }
    }

    private void uploadAll(RepositoryClient client, List<Descriptor> blobs, Descriptor config, String what,
            TransferListener listener) {
        BlobUploader uploader = new BlobUploader(store.content(), memory);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Descriptor blob : blobs) {
                running.add(executor.submit(() -> {
                    TransferEvent.BlobOutcome outcome = uploader.upload(client, blob, what,
                            blob.equals(config) ? TransferListener.NONE : listener);
                    if (!blob.equals(config)) {
                        listener.on(new TransferEvent.BlobDone(blob.digest(), outcome));
                    }
                    return null;
                }));
            }
            for (Future<?> upload : running) {
                try {
                    upload.get();
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case BerthException berth -> throw berth;
                        case RuntimeException runtime -> throw runtime;
                        case Error error -> throw error;
                        default -> throw new TransferException(what + ": " + e.getCause().getMessage(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TransferException(what + ": interrupted", e);
                }
            }
        } finally {
            executor.shutdownNow();
            executor.close();
        }
    }

    private byte[] read(Digest digest) {
        try (InputStream in = store.content().open(digest)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("reading blob " + digest + " from the store: " + e.getMessage(), e);
        }
    }
}
