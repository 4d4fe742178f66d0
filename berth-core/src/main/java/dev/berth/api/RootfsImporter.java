package dev.berth.api;

import dev.berth.archive.Decompression;
import dev.berth.archive.HostPlatform;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import dev.berth.error.StoreException;
import dev.berth.error.TransferException;
import dev.berth.image.ContainerConfig;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.Manifest;
import dev.berth.image.RawJson;
import dev.berth.image.RootFs;
import dev.berth.image.StandardMediaType;
import dev.berth.store.BlobInfo;
import dev.berth.store.IndexDescriptor;
import dev.berth.store.Ingester;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code docker import}: one uncompressed layer holding the tarball's entries, a config as Docker's
 * importer writes it (top-level {@code comment}, one history entry with that comment), an OCI manifest,
 * and the name. The tarball is read once: decompressed, checked to be a tar while its bytes are stored.
 */
final class RootfsImporter {

    private final LocalStore store;
    private final ImageJson json;
    private final Clock clock;

    RootfsImporter(LocalStore store, ImageJson json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    Digest importRootfs(InputStream tarball, Optional<String> name, ConfigChanges changes, String message) {
        try (StoreLock.Held _ = store.writeGuard()) {
            BlobInfo layer = storeLayer(tarball);
            Instant created = clock.instant().truncatedTo(ChronoUnit.MICROS);
            ContainerConfig containerConfig = changes.apply(ContainerConfig.EMPTY);
            ImageConfig config = new ImageConfig(Optional.of(created), "", HostPlatform.architecture(), "linux", "", List.of(),
                    "", containerConfig, RootFs.layers(List.of(layer.digest())),
                    List.of(new HistoryEntry(Optional.of(created), "", "", message, false)),
                    message.isEmpty() ? Map.of() : Map.of("comment", new RawJson(jsonString(message))));
            BlobInfo configBlob = storeBytes(json.write(config));
            Manifest manifest = Manifest.oci(
                    Descriptor.of(StandardMediaType.OCI_CONFIG, configBlob.digest(), configBlob.size()),
                    List.of(Descriptor.of(StandardMediaType.OCI_LAYER, layer.digest(), layer.size())));
            BlobInfo manifestBlob = storeBytes(json.write(manifest));
            IndexDescriptor descriptor = new IndexDescriptor(StandardMediaType.OCI_MANIFEST.value(),
                    manifestBlob.digest(), manifestBlob.size());
            name.ifPresentOrElse(n -> store.images().tag(n, descriptor), () -> store.images().addUntagged(descriptor));
            return configBlob.digest();
        }
    }

    /**
     * The body of {@code url}, following redirects, as Docker's daemon downloads an import.
     *
     * @throws TransferException unless the server answers 200
     */
    static InputStream download(URI url) throws IOException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException("downloading " + url + ": interrupted", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new TransferException("downloading " + url + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private BlobInfo storeLayer(InputStream tarball) {
        try (Ingester ingester = store.content().ingest();
             InputStream tar = Decompression.open(tarball);
             TeeInputStream tee = new TeeInputStream(tar, ingester.stream())) {
            TarArchiveInputStream entries = new dev.berth.layer.BoundedTarInputStream(tee);
            // One buffer for every entry: transferTo took a fresh 16 KiB one per entry, 140 MB of garbage on a
            // Debian rootfs, which a short-lived JVM pays as page faults on a heap it has not touched yet.
            byte[] buffer = new byte[64 * 1024];
            try {
                while (entries.getNextEntry() != null) {
                    while (entries.read(buffer, 0, buffer.length) >= 0) {
                        // the content only passes through, to the tee
                    }
                }
            } catch (IOException e) {
                throw new InvalidInputException(Diagnostic.error("<import>",
                        SourceRange.columns(1, 1, 1),
                        "the root filesystem is not a tar archive: " + e.getMessage()), null);
            }
            tee.transferTo(OutputStream.nullOutputStream());
            return ingester.commit(Optional.empty());
        } catch (IOException e) {
            throw new StoreException("importing a root filesystem: " + e.getMessage(), e);
        }
    }

    private BlobInfo storeBytes(byte[] bytes) {
        try (Ingester ingester = store.content().ingest()) {
            ingester.stream().write(bytes);
            return ingester.commit(Optional.of(Digest.sha256(bytes)));
        } catch (IOException e) {
            throw new StoreException("storing a blob: " + e.getMessage(), e);
        }
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u%04x".formatted((int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
