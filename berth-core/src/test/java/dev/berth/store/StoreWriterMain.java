package dev.berth.store;

import dev.berth.image.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A writer process for the concurrency and crash tests: writes images (a layer, a manifest) and tags
 * them {@code example.com/writer<id>:<n>}, printing {@code tagged <name> <digest>} only after the tag
 * is durable. Arguments: store root, writer id, number of images (negative: until killed). With
 * {@code collect} as the number it instead collects garbage ({@code ALL_UNUSED}) until killed, printing
 * {@code collected <freed bytes>} after each collection.
 */
public final class StoreWriterMain {

    private StoreWriterMain() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        String writer = args[1];
        if (args[2].equals("collect")) {
            collectForever(root);
            return;
        }
        int count = Integer.parseInt(args[2]);
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            Random random = new Random(ProcessHandle.current().pid());
            for (int i = 0; count < 0 || i < count; i++) {
                String name = "example.com/writer" + writer + ":" + i;
                IndexDescriptor image = writeImage(store, random, 1 + random.nextInt(512 * 1024), name);
                System.out.println("tagged " + name + " " + image.digest());
                System.out.flush();
            }
        }
    }

    private static void collectForever(Path root) {
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            while (true) {
                long freed = store.collector().collect(GarbageCollector.Mode.ALL_UNUSED, () -> Set.of()).freedBytes();
                System.out.println("collected " + freed);
                System.out.flush();
            }
        }
    }

    /** Writes a random layer and a manifest naming it, and tags the manifest, all under the write guard. */
    static IndexDescriptor writeImage(LocalStore store, Random random, int layerSize, String name) throws IOException {
        try (StoreLock.Held _ = store.writeGuard()) {
            BlobInfo layer = writeLayer(store.content(), random, layerSize);
            String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + OciLayoutTest.MANIFEST + "\",\"config\":{"
                    + "\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + layer.digest()
                    + "\",\"size\":" + layer.size() + "},\"layers\":[]}";
            byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
            BlobInfo written;
            try (Ingester ingester = store.content().ingest()) {
                ingester.stream().write(bytes);
                written = ingester.commit(Optional.of(Digest.sha256(bytes)));
            }
            IndexDescriptor descriptor = new IndexDescriptor(OciLayoutTest.MANIFEST, written.digest(), written.size());
            store.images().tag(name, descriptor);
            return descriptor;
        }
    }

    private static BlobInfo writeLayer(ContentStore content, Random random, int size) throws IOException {
        MessageDigest expected = Digest.newSha256();
        byte[] chunk = new byte[8192];
        try (Ingester ingester = content.ingest()) {
            OutputStream out = ingester.stream();
            for (int written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                int length = Math.min(chunk.length, size - written);
                out.write(chunk, 0, length);
                expected.update(chunk, 0, length);
            }
            return ingester.commit(Optional.of(Digest.sha256(expected)));
        }
    }
}
