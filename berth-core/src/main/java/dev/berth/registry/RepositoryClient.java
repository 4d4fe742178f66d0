package dev.berth.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.TransferException;
import dev.berth.image.Digest;
import dev.berth.image.StandardMediaType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The distribution API of one repository ({@code /v2/NAME/...}) on one registry, with the scope a pull
 * ({@code repository:NAME:pull}) or a push ({@code pull,push}) needs.
 */
final class RepositoryClient {

    /** Every manifest type Berth reads, as {@code Accept}: Docker v2.2 and OCI, images and indexes. */
    static final String MANIFEST_TYPES = String.join(", ", StandardMediaType.OCI_INDEX.value(),
            StandardMediaType.DOCKER_MANIFEST_LIST.value(), StandardMediaType.OCI_MANIFEST.value(),
            StandardMediaType.DOCKER_MANIFEST.value());
    /** Manifests and indexes are small; a larger one is refused rather than read into memory. */
    static final int MAX_MANIFEST_BYTES = 4 << 20;

    /** A manifest or index as the registry gave it: its bytes are what its digest names. */
    record FetchedManifest(byte[] bytes, String mediaType, Digest digest) {}

    private final RegistryTransport transport;
    private final RegistryEndpoint endpoint;
    private final String repository;
    private final String scope;

    RepositoryClient(RegistryTransport transport, RegistryEndpoint endpoint, String repository, boolean push) {
        this.transport = transport;
        this.endpoint = endpoint;
        this.repository = repository;
        this.scope = "repository:" + repository + ":" + (push ? "pull,push" : "pull");
    }

    RegistryEndpoint endpoint() {
        return endpoint;
    }

    String repository() {
        return repository;
    }

    private URI uri(String suffix) {
        return endpoint.resolve("/v2/" + repository + "/" + suffix);
    }

    HttpResponse<InputStream> send(RegistryCall call) {
        return transport.send(endpoint, scope, call, Optional.empty());
    }

    /**
     * The manifest {@code reference} (a tag or a digest) names, checked against its digest: the one asked for, else the
     * registry's {@code Docker-Content-Digest}.
     */
    FetchedManifest manifest(String reference, String what) {
        HttpResponse<InputStream> response = send(RegistryCall.get(uri("manifests/" + reference),
                Map.of("Accept", MANIFEST_TYPES), what));
        if (response.statusCode() != 200) {
            throw RegistryTransport.refused(response, endpoint, what);
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        } catch (IOException e) {
            throw new TransferException(what + ": reading the manifest from " + endpoint.domain() + ": "
                    + RegistryTransport.describe(e), e);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new TransferException(what + ": the manifest is larger than " + (MAX_MANIFEST_BYTES >> 20) + " MiB");
        }
        Digest actual = Digest.sha256(bytes);
        Optional<Digest> expected = reference.contains(":") ? Optional.of(Digest.parse(reference))
                : response.headers().firstValue("Docker-Content-Digest").map(Digest::parse);
        if (expected.isPresent() && expected.get().algorithm().equals("sha256") && !expected.get().equals(actual)) {
            throw new TransferException(what + ": the manifest from " + endpoint.domain() + " has digest " + actual
                    + " but should have " + expected.get() + "; nothing was stored");
        }
        String type = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].strip()).orElse("");
        return new FetchedManifest(bytes, mediaTypeOf(bytes, type), actual);
    }

    /** The {@code mediaType} member when present (it is authoritative), else the Content-Type. */
    private static String mediaTypeOf(byte[] bytes, String contentType) {
        try {
            JsonNode root = new ObjectMapper().readTree(bytes);
            String member = root == null ? "" : root.path("mediaType").asText("");
            if (!member.isEmpty()) {
                return member;
            }
            if (root != null && root.has("manifests")) {
                return StandardMediaType.OCI_INDEX.value();
            }
        } catch (IOException notJson) {
            // the caller's parse says what is wrong
        }
        return contentType.isEmpty() || contentType.equals("application/json") ? StandardMediaType.OCI_MANIFEST.value()
                : contentType;
    }

    /** The blob's bytes from {@code offset} on ({@code Range} when past 0); the caller checks the status. */
    HttpResponse<InputStream> blob(Digest digest, long offset, String what) {
        Map<String, String> headers = offset > 0 ? Map.of("Range", "bytes=" + offset + "-") : Map.of();
        return send(RegistryCall.get(uri("blobs/" + digest), headers, what));
    }

    /** True when the repository has the blob ({@code HEAD} 200). */
    boolean hasBlob(Digest digest, String what) {
        HttpResponse<InputStream> response = send(RegistryCall.head(uri("blobs/" + digest), Map.of(), what));
        RegistryTransport.discardQuietly(response);
        return response.statusCode() == 200;
    }

    /** Every tag of the repository, following {@code Link} pagination. */
    List<String> tags(String what) {
        List<String> tags = new ArrayList<>();
        URI next = uri("tags/list");
        while (next != null) {
            HttpResponse<InputStream> response = send(RegistryCall.get(next, Map.of(), what));
            if (response.statusCode() != 200) {
                throw RegistryTransport.refused(response, endpoint, what);
            }
            try (InputStream in = response.body()) {
                new ObjectMapper().readTree(in).path("tags").forEach(tag -> tags.add(tag.asText()));
            } catch (IOException e) {
                throw new TransferException(what + ": reading the tag list: " + RegistryTransport.describe(e), e);
            }
            next = response.headers().firstValue("Link").filter(link -> link.contains("rel=\"next\""))
                    .map(link -> endpoint.resolve(link.substring(link.indexOf('<') + 1, link.indexOf('>')))).orElse(null);
        }
        return tags;
    }

    /**
     * Starts an upload, asking the registry to mount the blob from {@code mountFrom} (another repository of the
     * same registry) when given: empty when the mount happened (201), else where to upload (202 {@code Location}).
     */
    Optional<URI> startUpload(Digest digest, Optional<String> mountFrom, String what) {
        String query = mountFrom.map(from -> "?mount=" + digest + "&from=" + from).orElse("");
        HttpResponse<InputStream> response = send(RegistryCall.send("POST", uri("blobs/uploads/" + query),
                Map.of(), HttpRequest.BodyPublishers::noBody, what));
        RegistryTransport.discardQuietly(response);
        if (response.statusCode() == 201 && mountFrom.isPresent()) {
            return Optional.empty();
        }
        if (response.statusCode() != 202 && response.statusCode() != 201) {
            throw RegistryTransport.refused(response, endpoint, what);
        }
        String location = response.headers().firstValue("Location").orElseThrow(() -> new TransferException(
                what + ": " + endpoint.domain() + " started an upload without a Location"));
        return Optional.of(endpoint.resolve(location));
    }

    /** Sends a request to an upload location (PATCH a chunk, PUT the end) and gives the response. */
    HttpResponse<InputStream> upload(String method, URI location, Map<String, String> headers,
            Supplier<HttpRequest.BodyPublisher> body, String what) {
        return send(RegistryCall.send(method, location, headers, body, what));
    }

    /** {@code PUT /v2/NAME/manifests/TAG}. */
    void putManifest(String tag, String mediaType, byte[] bytes, String what) {
        HttpResponse<InputStream> response = send(RegistryCall.send("PUT", uri("manifests/" + tag),
                Map.of("Content-Type", mediaType), () -> HttpRequest.BodyPublishers.ofByteArray(bytes), what));
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw RegistryTransport.refused(response, endpoint, what);
        }
        RegistryTransport.discardQuietly(response);
    }

    /** Appends {@code name=value} to an upload location, which may hold a query already. */
    static URI withQuery(URI location, String name, String value) {
        String text = location.toString();
        return URI.create(text + (text.contains("?") ? "&" : "?") + name + "=" + value);
    }
}
