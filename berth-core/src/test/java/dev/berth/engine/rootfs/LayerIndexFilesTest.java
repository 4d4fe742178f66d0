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
}
