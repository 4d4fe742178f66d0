package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Checks of a store's files made from outside the store's own code paths. */
final class StoreChecks {

    private StoreChecks() {
    }

    /** index.json parses as an image index, and every file under blobs/ hashes to its name. */
    static void assertConsistent(Path root) throws IOException {
        JsonNode index = new ObjectMapper().readTree(root.resolve("index.json").toFile());
        assertThat(index.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(index.path("manifests").isArray()).isTrue();
        try (Stream<Path> blobs = Files.list(root.resolve("blobs/sha256"))) {
            for (Path blob : blobs.toList()) {
                assertThat(sha256Of(blob)).as("blob %s", blob).isEqualTo(blob.getFileName().toString());
            }
        }
    }

    /** Every tag printed by a writer resolves to its digest, and the image's blobs are all present. */
    static void assertTagsPresent(LocalStore store, Map<String, Digest> tags) {
        JsonBlobReferences references = new JsonBlobReferences(store.content());
        tags.forEach((name, digest) -> {
            assertThat(store.images().resolve(name)).as("tag %s", name).map(IndexDescriptor::digest).contains(digest);
            assertThat(store.content().info(digest)).as("manifest of %s", name).isPresent();
            for (Digest child : references.children(digest)) {
                assertThat(store.content().info(child)).as("blob %s of %s", child, name).isPresent();
            }
        });
    }

    static List<Path> ingestFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("ingest"))) {
            return new ArrayList<>(files.toList());
        }
    }

    private static String sha256Of(Path file) throws IOException {
        MessageDigest sha256 = Digest.newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Digest.sha256(sha256).hex();
    }
}
