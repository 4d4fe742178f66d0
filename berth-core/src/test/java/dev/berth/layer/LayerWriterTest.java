package dev.berth.layer;

import dev.berth.image.Compression;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reproducibility, ordering, clamping and digests of {@link LayerWriter}. */
class LayerWriterTest {

    private static final Instant T2020 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant T2024 = Instant.parse("2024-06-01T12:34:56.789Z");

    private static List<LayerEntry> sample() {
        return List.of(
                LayerEntry.directory("app", 0755, T2024),
                LayerEntry.file("app/main", 0755, T2020, "hello\n".getBytes(StandardCharsets.UTF_8)).withOwner(1000, 1000),
                LayerEntry.symlink("app/run", "main", T2024),
                LayerEntry.file("etc", 0644, T2024, new byte[0]));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void sameEntriesGiveTheSameBlobWhateverTheThreadCount(Compression compression) {
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        LayerDigests first = new LayerWriter(compression, 3, 1, Optional.empty()).write(sample(), one);
        LayerDigests second = new LayerWriter(compression, 3, 2, Optional.empty()).write(sample(), two);

        assertThat(second).isEqualTo(first);
        assertThat(two.toByteArray()).isEqualTo(one.toByteArray());
        assertThat(first.blobDigest()).isEqualTo(Digest.sha256(one.toByteArray()));
    }

    @Test
    void diffIdIsTheSameForEveryCompression() {
        List<Digest> diffIds = new ArrayList<>();
        for (Compression compression : Compression.values()) {
            diffIds.add(LayerWriter.of(compression, Optional.empty()).write(sample(), new ByteArrayOutputStream()).diffId());
        }
        assertThat(diffIds).containsOnly(diffIds.getFirst());
    }

    @Test
    void uncompressedLayerHasAPinnedDigest() {
        // Pinned so that any change to the bytes Berth writes is a deliberate, reviewed one.
        LayerDigests digests = LayerWriter.of(Compression.NONE, Optional.empty()).write(sample(), new ByteArrayOutputStream());

        assertThat(digests.diffId()).isEqualTo(digests.blobDigest());
        assertThat(digests.uncompressedSize()).isEqualTo(7 * 512); // 4 headers, 1 data block, 2 end blocks
        assertThat(digests.diffId().toString()).isEqualTo(PinnedDigest.SAMPLE);
    }

    @Test
    void sourceDateEpochClampsLaterTimesOnly() throws Exception {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        LayerWriter.of(Compression.NONE, Optional.of(Instant.parse("2022-01-01T00:00:00Z"))).write(sample(), blob);

        List<String> times = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(blob.toByteArray()))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                times.add(entry.getName() + " " + entry.getLastModifiedTime().toInstant() + " " + entry.getUserName()
                        + "/" + entry.getLongUserId() + " " + Integer.toOctalString(entry.getMode()));
            }
        }
        assertThat(times).containsExactly(
                "app/ 2022-01-01T00:00:00Z /0 755",
                "app/main 2020-01-01T00:00:00Z /1000 755",
                "app/run 2022-01-01T00:00:00Z /0 777",
                "etc 2022-01-01T00:00:00Z /0 644");
    }

    @Test
    void entriesOutOfPathByteOrderAreRejected() {
        List<LayerEntry> entries = List.of(
                LayerEntry.file("a/b", 0644, T2020, new byte[0]),
                LayerEntry.file("a-c", 0644, T2020, new byte[0]));

        assertThatThrownBy(() -> LayerWriter.of(Compression.NONE, Optional.empty()).write(entries, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer entries out of order: \"a-c\" comes after \"a/b\"");
    }

    @Test
    void contentShorterThanDeclaredIsAStoreError() {
        List<LayerEntry> entries = List.of(LayerEntry.file("a", 0644, T2020, 10, () -> new ByteArrayInputStream(new byte[3])));

        assertThatThrownBy(() -> LayerWriter.of(Compression.NONE, Optional.empty()).write(entries, new ByteArrayOutputStream()))
                .isInstanceOf(dev.berth.error.StoreException.class)
                .hasMessageStartingWith("writing layer entry a: content is 3 bytes, the entry said 10");
    }

    @Test
    void uncleanPathsAreNotEntries() {
        for (String bad : List.of("", "/abs", "a/../b", "./a", "a/", "a//b", "..")) {
            assertThatThrownBy(() -> LayerEntry.directory(bad, 0755, T2020)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The digest of {@link #sample()} as the reviewed writer produces it. */
    private static final class PinnedDigest {
        static final String SAMPLE = "sha256:5a87e2af3a8967bf58ac93b3a46b3aedf948134201e20d8196003c772143df91";
    }
}
