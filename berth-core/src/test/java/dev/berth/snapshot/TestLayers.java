package dev.berth.snapshot;

import dev.berth.image.Digest;
import dev.berth.image.Compression;
import dev.berth.layer.EntryType;
import dev.berth.layer.ExtractOptions;
import dev.berth.layer.LayerDigests;
import dev.berth.layer.LayerEntry;
import dev.berth.layer.LayerExtractor;
import dev.berth.layer.LayerWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small layers for snapshot tests, and a listing of a tree to compare results exactly. */
record TestLayers(byte[] blob, Digest diffId) {

    static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    static TestLayers of(LayerEntry... entries) {
        List<LayerEntry> sorted = new ArrayList<>(List.of(entries));
        sorted.sort((a, b) -> Arrays.compareUnsigned(a.pathBytes(), b.pathBytes()));
        return of(sorted);
    }

    static TestLayers of(List<LayerEntry> sorted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LayerDigests digests = new LayerWriter(Compression.NONE, 0, 1, java.util.Optional.empty()).write(sorted, out);
        return new TestLayers(out.toByteArray(), digests.diffId());
    }

    ByteArrayInputStream stream() {
        return new ByteArrayInputStream(blob);
    }

    static LayerEntry dir(String path) {
        return LayerEntry.directory(path, 0755, TIME);
    }

    static LayerEntry file(String path, String content) {
        return LayerEntry.file(path, 0644, TIME, content.getBytes(StandardCharsets.UTF_8));
    }

    static LayerEntry whiteout(String path) {
        return LayerEntry.file(path, 0, TIME, new byte[0]);
    }

    /** Applies layers onto a fresh directory, whiteouts deleting, as a container would see them. */
    static void apply(Path target, TestLayers... layers) {
        LayerExtractor extractor = new LayerExtractor(ExtractOptions.defaults(true));
        for (TestLayers layer : layers) {
            extractor.extract("test", layer.stream(), target);
        }
    }

    /** {@code path type [content]} for every path under {@code root}, sorted: what a container would see. */
    static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (var paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.equals(root)).toList()) {
                String kind = Files.isSymbolicLink(path) ? "link " + Files.readSymbolicLink(path)
                        : Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "dir"
                        : Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? "file " + Files.readString(path) : "other";
                result.put(root.relativize(path).toString(), kind);
            }
        }
        return result;
    }

    /** The paths and types of layer entries, {@code path:TYPE}, in order. */
    static List<String> describe(List<LayerEntry> entries) {
        return entries.stream().map(e -> e.path() + ":" + (e.type() == EntryType.FILE && e.size() == 0
                && e.path().contains(".wh.") ? "WHITEOUT" : e.type().name())).toList();
    }
}
