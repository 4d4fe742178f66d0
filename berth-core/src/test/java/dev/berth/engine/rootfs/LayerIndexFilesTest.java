package dev.berth.engine.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.LayerRef;
import dev.berth.layer.LayerEntry;
import dev.berth.layer.LayerStorer;
import dev.berth.store.InMemoryContentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer's index is kept between builds, read back as it was made, and made again when its file is damaged. */
class LayerIndexFilesTest {

    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path directory;

    private final InMemoryContentStore content = new InMemoryContentStore();

    @Test
    void anIndexReadBackFromItsFileIsTheOneReadFromTheLayer() throws IOException {
        LayerRef layer = new LayerStorer(content, Optional.empty()).store(List.of(
                LayerEntry.file("opt/.wh..wh..opq", 0644, T, new byte[0]),
                LayerEntry.directory("srv", 0750, T).withOwner(7, 8).withXattrs(Map.of("user.a", "b")),
                LayerEntry.file("srv/.wh.gone", 0644, T, new byte[0]),
                LayerEntry.symlink("srv/link", "/elsewhere", T)));
        LayerIndex fromLayer = LayerIndex.read(content, layer);

        LayerIndex first = new LayerIndexFiles(content, directory).of(layer);
        LayerIndex fromFile = new LayerIndexFiles(content, directory).of(layer);

        assertThat(first).isEqualTo(fromLayer);
        assertThat(fromFile).isEqualTo(fromLayer);
        assertThat(fromFile.removed()).containsExactly("srv/gone");
        assertThat(fromFile.opaque()).containsExactly("opt");
        assertThat(Files.list(directory)).hasSize(1);
    }

    @Test
    void aDamagedIndexFileIsMadeAgainFromTheLayer() throws IOException {
        LayerRef layer = new LayerStorer(content, Optional.empty()).store(List.of(LayerEntry.directory("a", 0755, T)));
        LayerIndexFiles files = new LayerIndexFiles(content, directory);
        files.of(layer);
        Path file = directory.resolve(layer.blob().digest().hex());
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 9));

        assertThat(files.of(layer)).isEqualTo(LayerIndex.read(content, layer));
        assertThat(new LayerIndexFiles(content, directory).of(layer).entries()).containsKey("a");
    }

    @Test
    void everyEntryTypeReadsBackAsItWasWritten() {
        LayerRef layer = new LayerStorer(content, Optional.empty()).store(List.of(
                LayerEntry.directory("d", 0755, T), LayerEntry.file("d/f", 0644, T, new byte[] {1}),
                LayerEntry.hardlink("d/h", "d/f", T), LayerEntry.symlink("d/l", "f", T)));
        LayerIndexFiles files = new LayerIndexFiles(content, directory);
        LayerIndex made = files.of(layer);

        assertThat(new LayerIndexFiles(content, directory).of(layer)).isEqualTo(made);
        assertThat(made.entries().values()).extracting(RootfsAttributes.Attributes::type)
                .contains(dev.berth.layer.EntryType.DIRECTORY, dev.berth.layer.EntryType.FILE,
                        dev.berth.layer.EntryType.SYMLINK, dev.berth.layer.EntryType.HARDLINK);
    }

    @Test
    void indexesOfLayersTheStoreNoLongerHoldsAreDropped() throws IOException {
        LayerStorer storer = new LayerStorer(content, Optional.empty());
        LayerRef kept = storer.store(List.of(LayerEntry.directory("kept", 0755, T)));
        LayerRef gone = storer.store(List.of(LayerEntry.directory("gone", 0755, T)));
        LayerIndexFiles files = new LayerIndexFiles(content, directory);
        files.of(kept);
        files.of(gone);
        Path staleTemp = Files.writeString(directory.resolve(kept.blob().digest().hex() + ".1234.tmp"), "x");
        Files.setLastModifiedTime(staleTemp, java.nio.file.attribute.FileTime.from(T));
        Path youngTemp = Files.writeString(directory.resolve(gone.blob().digest().hex() + ".5678.tmp"), "x");
        content.delete(gone.blob().digest());

        assertThat(files.dropOrphans(Instant.now().minusSeconds(3600))).isEqualTo(2);

        assertThat(directory.resolve(kept.blob().digest().hex())).exists();
        assertThat(directory.resolve(gone.blob().digest().hex())).doesNotExist();
        assertThat(staleTemp).doesNotExist();
        assertThat(youngTemp).exists();
    }
}
