package dev.berth.registry;

import dev.berth.error.BerthException;
import dev.berth.error.TransferException;
import dev.berth.event.TransferEvent;
import dev.berth.event.TransferListener;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageIndex;
import dev.berth.image.ImageJson;
import dev.berth.image.ImageReference;
import dev.berth.image.Manifest;
import dev.berth.image.Platform;
import dev.berth.image.StandardMediaType;
import dev.berth.store.IndexDescriptor;
import dev.berth.store.Ingester;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLock;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pulls an image into the store: the manifest by tag or digest (an index resolved to the platform asked for), the
 * config and the layers fetched in parallel on virtual threads, each streamed into the verified ingest (blobs the
 * store has are not fetched), the manifest stored last and the image named as {@code berth load} names images: the
 * platform manifest under the full reference in {@code index.json}. Holds the store's write guard throughout, so a
 * collection cannot remove a blob between its commit and the name that reaches it.
 */
public final class ImagePuller {

    private final RegistryTransport transport;
    private final LocalStore store;
    private final ImageJson json;
    private final BlobFetcher fetcher;
    private final BlobMemory memory;

    public ImagePuller(RegistryTransport transport, LocalStore store, ImageJson json, RetryPolicy retry) {
        this.transport = transport;
        this.store = store;
        this.json = json;
        this.fetcher = new BlobFetcher(store.content(), retry);
        this.memory = new BlobMemory(store.paths().cache().resolve("registry"));
    }

    /** Every tag of the reference's repository ({@code berth pull -a}). */
    public List<String> tags(ImageReference reference) {
        return client(reference).tags("listing the tags of " + reference.familiarName());
    }

    /**
     * Pulls from the first of the reference's mirrors that has the image, else from its own registry (whose failure
     * is the one reported: a mirror is only a shortcut).
     */
    public PulledImage pull(ImageReference asked, Platform platform, TransferListener listener) {
        ImageReference reference = asked.withDefaultTag();
        listener.on(new TransferEvent.Started(reference.toString(), reference.path(), false));
        for (RegistryEndpoint mirror : transport.mirrors(reference.domain())) {
            try {
                return pull(new RepositoryClient(transport, mirror, reference.path(), false), reference, platform, listener);
            } catch (BerthException notFromThisMirror) {
                listener.on(new TransferEvent.MirrorSkipped(mirror.domain(), notFromThisMirror.getMessage()));
            }
        }
        return pull(client(reference), reference, platform, listener);
    }

    private PulledImage pull(RepositoryClient client, ImageReference reference, Platform platform,
            TransferListener listener) {
        String what = "pulling " + reference.familiar();
        String wanted = reference.digest().map(Digest::toString).orElseGet(() -> reference.tag().orElseThrow());
        RepositoryClient.FetchedManifest top = client.manifest(wanted, what);
        RepositoryClient.FetchedManifest chosen = top;
        if (isIndex(top.mediaType())) {
            ImageIndex index = json.readIndex(top.bytes(), "the index of " + reference.familiar());
            Descriptor entry = PlatformChoice.choose(index, platform, what);
            chosen = client.manifest(entry.digest().toString(), what);
        }
        if (isIndex(chosen.mediaType())) {
            throw new TransferException(what + ": the index for " + platform + " names another index; nested indexes are not supported");
        }
        Manifest manifest = json.readManifest(chosen.bytes(), "the manifest of " + reference.familiar());
        try (StoreLock.Held _ = store.writeGuard()) {
            fetcher.fetch(client, manifest.config(), what, TransferListener.NONE);
            ImageConfig config = json.readConfig(read(manifest.config().digest()), "the config of " + reference.familiar());
            if (config.rootFs().diffIds().size() != manifest.layers().size()) {
                throw new TransferException(what + ": the manifest has " + manifest.layers().size()
                        + " layers but its config lists " + config.rootFs().diffIds().size());
            }
            fetchLayers(client, manifest.layers(), what, listener);
            // Where the blobs came from, so a push to another repository of this registry mounts them.
            for (Descriptor blob : manifest.layers()) {
                memory.rememberSource(blob.digest(), client.endpoint().domain(), client.repository());
            }
            try (Ingester ingester = store.content().ingest()) {
                ingester.stream().write(chosen.bytes());
                ingester.commit(Optional.of(chosen.digest()));
            } catch (IOException e) {
                throw new TransferException(what + ": storing the manifest: " + e.getMessage(), e);
            }
            IndexDescriptor descriptor = new IndexDescriptor(chosen.mediaType(), chosen.digest(), chosen.bytes().length);
            String name = reference.tag().isPresent() ? reference.name() + ":" + reference.tag().get()
                    : reference.name() + "@" + top.digest();
            boolean changed = !store.images().resolve(name).map(descriptor::equals).orElse(false);
            // As Docker records a pull by tag: the tag, and the registry's digest as a repo digest (NAME@DIGEST),
            // in one rewrite of index.json.
            String digestName = reference.name() + "@" + top.digest();
            store.images().tag(name.equals(digestName) ? List.of(name) : List.of(name, digestName), descriptor);
            listener.on(new TransferEvent.Finished(reference.toString(), top.digest(), top.bytes().length, changed));
            return new PulledImage(ImageReference.parse(name), top.digest(), chosen.digest(), changed);
        }
    }

    private RepositoryClient client(ImageReference reference) {
        return new RepositoryClient(transport, transport.endpoint(reference.domain()), reference.path(), false);
    }

    private void fetchLayers(RepositoryClient client, List<Descriptor> layers, String what, TransferListener listener) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Descriptor layer : layers.stream().distinct().toList()) {
                running.add(executor.submit(() -> {
                    boolean fetched = fetcher.fetch(client, layer, what, listener);
                    listener.on(new TransferEvent.BlobDone(layer.digest(),
                            fetched ? TransferEvent.BlobOutcome.PULLED : TransferEvent.BlobOutcome.ALREADY_EXISTS));
                    return null;
                }));
            }
            for (Future<?> layer : running) {
                await(layer, what);
            }
        } finally {
            // The first failure ends the pull: the other downloads are interrupted, and their ingests discarded.
            executor.shutdownNow();
            executor.close();
        }
    }

    private static void await(Future<?> future, String what) {
        try {
            future.get();
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

    private static boolean isIndex(String mediaType) {
        return mediaType.equals(StandardMediaType.OCI_INDEX.value())
                || mediaType.equals(StandardMediaType.DOCKER_MANIFEST_LIST.value());
    }

    private byte[] read(Digest digest) {
        try (InputStream in = store.content().open(digest)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new TransferException("reading blob " + digest + " back from the store: " + e.getMessage(), e);
        }
    }
}
