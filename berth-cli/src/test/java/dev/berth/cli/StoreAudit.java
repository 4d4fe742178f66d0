package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import dev.berth.image.ImageJson;
import dev.berth.store.IndexEntry;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks of a store after processes were killed in it, made from its files as another tool would: every blob
 * re-hashes to its name, every tag resolves to a manifest and config that parse and whose layers are present,
 * and nothing of a process that is gone is left once a sweep has run.
 */
final class StoreAudit {

    private final Path root;

    StoreAudit(Path root) {
        this.root = root;
    }

    /** Every file under {@code blobs/sha256} hashes to its name; returns how many there are. */
    int assertEveryBlobMatchesItsDigest() throws IOException {
        List<Path> blobs = list(root.resolve("blobs/sha256"));
        for (Path blob : blobs) {
            MessageDigest sha256 = Digest.newSha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(blob), sha256)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            assertThat(Digest.sha256(sha256).hex()).as("blob %s", blob).isEqualTo(blob.getFileName().toString());
        }
        return blobs.size();
    }

    /** Every tagged image's manifest and config are readable and parse, and its layers are present; returns the tags. */
    List<String> assertEveryTagResolves() throws IOException {
        List<String> tags = new ArrayList<>();
        ImageJson json = ImageJson.standard();
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            for (IndexEntry image : store.images().list()) {
                if (image.name().isEmpty()) {
                    continue;
                }
                String tag = image.name().get();
                assertThat(store.images().resolve(tag)).as("tag %s", tag).isPresent();
                Digest manifestDigest = image.descriptor().digest();
                var manifest = json.readManifest(read(store, manifestDigest), tag);
                json.readConfig(read(store, manifest.config().digest()), tag + " config");
                manifest.layers().forEach(layer ->
                        assertThat(store.content().info(layer.digest())).as("layer %s of %s", layer.digest(), tag).isPresent());
                tags.add(tag);
            }
        }
        return tags;
    }

    /**
     * What is left of processes that are gone, after a sweep: owner records, bundles, mounts under the store,
     * build work directories with their records, the runtime's containers, active snapshots, snapshot temp
     * directories, unfinished writes. Ask before opening the store here: opening sweeps {@code ingest/}.
     */
    List<String> leftovers(Path runtimeState) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path entry : list(root.resolve("containers"))) {
            found.add("containers/" + entry.getFileName());
        }
        // A finished build keeps its work directory (step logs) without a record; a killed one's has its record.
        for (Path entry : list(root.resolve("cache/builds"))) {
            if (entry.getFileName().toString().endsWith(".owner")) {
                found.add("cache/builds/" + entry.getFileName());
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            if (line.contains(root.toString())) {
                found.add("mount " + line);
            }
        }
        for (Path container : list(runtimeState.resolve("runc"))) {
            found.add("runc container " + container.getFileName());
        }
        for (String area : List.of("active", "tmp")) {
            for (Path entry : list(root.resolve("snapshots/overlay").resolve(area))) {
                found.add("snapshots/overlay/" + area + "/" + entry.getFileName());
            }
        }
        for (Path entry : list(root.resolve("ingest"))) {
            found.add("ingest/" + entry.getFileName());
        }
        return found;
    }

    private static byte[] read(LocalStore store, Digest digest) throws IOException {
        try (InputStream in = store.content().open(digest)) {
            return in.readAllBytes();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
