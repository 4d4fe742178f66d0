package dev.berth.registry;

import dev.berth.error.BerthException;
import dev.berth.error.StoreException;
import dev.berth.error.TransferException;
import dev.berth.event.TransferEvent;
import dev.berth.event.TransferListener;
import dev.berth.image.Descriptor;
import dev.berth.store.ContentStore;
import dev.berth.store.Ingester;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Streams one blob from a registry straight into the store's verified ingest: nothing is visible until its digest
 * checks, and a mismatch keeps nothing. A stream that breaks part way is resumed with {@code Range} from the bytes
 * already written when the registry answers 206; a registry that ignores the range sends the blob again from the
 * start into a fresh ingest. No more bytes than the descriptor's size are taken.
 */
final class BlobFetcher {

    private static final int BUFFER = 256 * 1024;
    private static final long PROGRESS_STEP = 1 << 20;

    private final ContentStore content;
    private final RetryPolicy retry;

    BlobFetcher(ContentStore content, RetryPolicy retry) {
        this.content = content;
        this.retry = retry;
    }

    /** True when the blob was fetched, false when the store had it. */
    boolean fetch(RepositoryClient client, Descriptor blob, String what, TransferListener listener) {
        if (content.info(blob.digest()).isPresent()) {
            return false;
        }
        String blobWhat = what + ": blob " + blob.digest();
        int attempt = 0;
        Duration waited = Duration.ZERO;
        while (true) {
            try (Ingester ingester = content.ingest()) {
                long[] position = {0};
                long written;
                while (true) {
                    attempt++;
                    try {
                        copy(client, blob, position, ingester.stream(), blobWhat, listener);
                        written = position[0];
                        break;
                    } catch (RangeIgnored ignored) {
                        written = -1;
                        break;
                    } catch (IOException broken) {
                        written = position[0];
                        Optional<Duration> delay = retry.delay(attempt, waited, Optional.empty());
                        if (delay.isEmpty()) {
                            throw new TransferException(blobWhat + ": the download from " + client.endpoint().domain()
                                    + " broke after " + attempt + " tries: " + RegistryTransport.describe(broken), broken);
                        }
                        listener.on(new TransferEvent.Retrying(blob.digest(), "resuming at byte " + written + " after "
                                + RegistryTransport.describe(broken)));
                        waited = waited.plus(delay.get());
                        sleep(delay.get(), blobWhat);
                    }
                }
                if (written < 0) {
                    continue; // a fresh ingest from byte 0
                }
                if (written != blob.size()) {
                    throw new TransferException(blobWhat + ": " + client.endpoint().domain() + " sent " + written
                            + " bytes but the manifest says " + blob.size() + "; nothing was kept");
                }
                try {
                    ingester.commit(Optional.of(blob.digest()));
                } catch (StoreException mismatch) {
                    throw new TransferException(blobWhat + " from " + client.endpoint().domain() + " was refused: "
                            + mismatch.getMessage(), mismatch);
                }
                return true;
            }
        }
    }

    /** Thrown when a resumed request comes back 200: the registry ignored the range. */
    private static final class RangeIgnored extends Exception {
        RangeIgnored() {
            super(null, null, false, false);
        }
    }

    /** Copies from {@code position[0]} on, advancing it as bytes land in the ingest, so a broken stream resumes there. */
    private static void copy(RepositoryClient client, Descriptor blob, long[] position, OutputStream out, String what,
            TransferListener listener) throws IOException, RangeIgnored {
        long offset = position[0];
        HttpResponse<InputStream> response = client.blob(blob.digest(), offset, what);
        int status = response.statusCode();
        if (offset > 0 && status == 200) {
            RegistryTransport.discardQuietly(response);
            throw new RangeIgnored();
        }
        if (status != 200 && status != 206) {
            BerthException refused = RegistryTransport.refused(response, client.endpoint(), what);
            throw refused;
        }
        long reported = offset;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = response.body()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (position[0] + read > blob.size()) {
                    throw new TransferException(what + ": " + client.endpoint().domain() + " sent more than the "
                            + blob.size() + " bytes the manifest says; nothing was kept");
                }
                try {
                    out.write(buffer, 0, read);
                } catch (IOException storeFailed) {
                    throw new StoreException(what + ": writing it to the store: " + storeFailed.getMessage(), storeFailed);
                }
                position[0] += read;
                if (position[0] - reported >= PROGRESS_STEP) {
                    reported = position[0];
                    listener.on(new TransferEvent.BlobProgress(blob.digest(), position[0], blob.size()));
                }
            }
        }
    }

    private static void sleep(Duration delay, String what) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException(what + ": interrupted", e);
        }
    }
}
