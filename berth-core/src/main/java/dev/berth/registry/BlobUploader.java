package dev.berth.registry;

import dev.berth.error.TransferException;
import dev.berth.event.TransferEvent;
import dev.berth.event.TransferListener;
import dev.berth.image.Descriptor;
import dev.berth.store.ContentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * Puts one blob of the store into a repository, the cheapest way the registry allows: nothing when it has it
 * ({@code HEAD}), a cross-repository mount when another repository of the same registry is known to hold it, else an
 * upload: monolithic ({@code POST} then one {@code PUT}) up to {@link #MONOLITHIC_LIMIT}, chunked {@code PATCH}es
 * then the closing {@code PUT} above it.
 */
final class BlobUploader {

    /** Blobs up to this size go in one request. */
    static final long MONOLITHIC_LIMIT = 32L << 20;
    /** The chunk of a chunked upload, held in memory while it is sent (and resent on a retry). */
    static final int CHUNK = 16 << 20;

    private final ContentStore content;
    private final BlobMemory memory;

    BlobUploader(ContentStore content, BlobMemory memory) {
        this.content = content;
        this.memory = memory;
    }

    TransferEvent.BlobOutcome upload(RepositoryClient client, Descriptor blob, String what, TransferListener listener) {
        String blobWhat = what + ": blob " + blob.digest();
        String domain = client.endpoint().domain();
        if (client.hasBlob(blob.digest(), blobWhat)) {
            memory.rememberSource(blob.digest(), domain, client.repository());
            return TransferEvent.BlobOutcome.LAYER_EXISTS;
        }
        Optional<String> mountFrom = memory.sourceOn(blob.digest(), domain, client.repository());
        Optional<URI> location = client.startUpload(blob.digest(), mountFrom, blobWhat);
        if (location.isEmpty()) {
            memory.rememberSource(blob.digest(), domain, client.repository());
            return TransferEvent.BlobOutcome.MOUNTED;
        }
        URI at = location.get();
        if (blob.size() > MONOLITHIC_LIMIT) {
            at = patchChunks(client, at, blob, blobWhat, listener);
            finish(client, at, blob, HttpRequest.BodyPublishers::noBody, blobWhat);
        } else {
            finish(client, at, blob, () -> HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> content.open(blob.digest())), blob.size()), blobWhat);
        }
        listener.on(new TransferEvent.BlobProgress(blob.digest(), blob.size(), blob.size()));
        memory.rememberSource(blob.digest(), domain, client.repository());
        return TransferEvent.BlobOutcome.PUSHED;
    }

    private URI patchChunks(RepositoryClient client, URI start, Descriptor blob, String what, TransferListener listener) {
        URI at = start;
        long sent = 0;
        try (InputStream in = content.open(blob.digest())) {
            while (sent < blob.size()) {
                byte[] chunk = in.readNBytes((int) Math.min(CHUNK, blob.size() - sent));
                if (chunk.length == 0) {
                    throw new TransferException(what + ": the store's blob is shorter than its " + blob.size() + " bytes");
                }
                long first = sent;
                long last = sent + chunk.length - 1;
                HttpResponse<InputStream> response = client.upload("PATCH", at, Map.of(
                        "Content-Type", "application/octet-stream", "Content-Range", first + "-" + last),
                        () -> HttpRequest.BodyPublishers.ofByteArray(chunk), what);
                if (response.statusCode() != 202) {
                    throw RegistryTransport.refused(response, client.endpoint(), what);
                }
                RegistryTransport.discardQuietly(response);
                at = response.headers().firstValue("Location").map(client.endpoint()::resolve).orElse(at);
                sent += chunk.length;
                listener.on(new TransferEvent.BlobProgress(blob.digest(), sent, blob.size()));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new TransferException(what + ": reading it from the store: " + e.getMessage(), e);
        }
        return at;
    }

    private static void finish(RepositoryClient client, URI at, Descriptor blob,
            java.util.function.Supplier<HttpRequest.BodyPublisher> body, String what) {
        HttpResponse<InputStream> response = client.upload("PUT", RepositoryClient.withQuery(at, "digest",
                blob.digest().toString()), Map.of("Content-Type", "application/octet-stream"), body, what);
        if (response.statusCode() != 201 && response.statusCode() != 204) {
            throw RegistryTransport.refused(response, client.endpoint(), what);
        }
        RegistryTransport.discardQuietly(response);
    }
}
