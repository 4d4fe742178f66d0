package dev.berth.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import dev.berth.store.InMemoryContentStore;
import dev.berth.store.Ingester;
import dev.berth.testing.TarBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The final file system as the merged view hands it over: each rule of layering, one case each. */
class MergedLayersTest {

    private final InMemoryContentStore content = new InMemoryContentStore();

    private MergedLayers.Layer layer(byte[] tar) {
        try (Ingester ingester = content.ingest()) {
            ingester.stream().write(tar);
            Digest digest = ingester.commit(Optional.empty()).digest();
            return new MergedLayers.Layer(digest, digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every visible regular file or hard link with its content. */
    private Map<String, String> files(MergedLayers.Layer... layers) {
        Map<String, String> seen = new TreeMap<>();
        new MergedLayers(content, List.of(layers)).walk(new MergedLayers.Visitor() {
            @Override
            public boolean wants(LayerFile file) {
                return file.kind() == LayerFile.Kind.FILE || file.kind() == LayerFile.Kind.HARDLINK;
            }

            @Override
            public void read(LayerFile file, InputStream stream) throws IOException {
                seen.put(file.path(), new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
        return seen;
    }

    @Test
    void anUpperFileHidesTheLowerOne() {
        assertThat(files(layer(new TarBuilder().file("a", "low").build()), layer(new TarBuilder().file("./a", "up").build())))
                .containsExactly(Map.entry("/a", "up"));
    }

    @Test
    void whiteoutsHideLowerPathsAndWhatIsBeneathThem() {
        MergedLayers.Layer low = layer(new TarBuilder().file("a", "1").file("d/x", "2").file("d/y", "3").build());
        MergedLayers.Layer up = layer(new TarBuilder().file(".wh.a", "").file("d/.wh.x", "").build());
        assertThat(files(low, up)).containsExactly(Map.entry("/d/y", "3"));
    }

    @Test
    void anOpaqueDirectoryHidesOnlyLowerLayersContent() {
        MergedLayers.Layer low = layer(new TarBuilder().file("d/old", "1").file("e/kept", "2").build());
        MergedLayers.Layer up = layer(new TarBuilder().dir("d").file("d/.wh..wh..opq", "").file("d/new", "3").build());
        assertThat(files(low, up)).containsExactly(Map.entry("/d/new", "3"), Map.entry("/e/kept", "2"));
    }

    @Test
    void aFileAboveHidesALowerDirectory() {
        MergedLayers.Layer low = layer(new TarBuilder().file("d/x", "1").build());
        MergedLayers.Layer up = layer(new TarBuilder().file("d", "now a file").build());
        assertThat(files(low, up)).containsExactly(Map.entry("/d", "now a file"));
    }

    @Test
    void aHardLinkGetsItsTargetsContentEvenWhenTheTargetIsHidden() {
        MergedLayers.Layer low = layer(new TarBuilder().file("bin/tool", "ELF").hardlink("bin/alias", "bin/tool").build());
        MergedLayers.Layer up = layer(new TarBuilder().file("bin/.wh.tool", "").build());
        assertThat(files(low, up)).containsExactly(Map.entry("/bin/alias", "ELF"));
    }

    @Test
    void symlinksAreHandedWithTheirTargetAndNoContent() {
        List<String> links = new ArrayList<>();
        new MergedLayers(content, List.of(layer(new TarBuilder().symlink("etc/os-release", "../usr/lib/os-release")
                .build()))).walk(new MergedLayers.Visitor() {
                    @Override
                    public boolean wants(LayerFile file) {
                        return file.kind() == LayerFile.Kind.SYMLINK;
                    }

                    @Override
                    public void read(LayerFile file, InputStream stream) throws IOException {
                        links.add(file.path() + " -> " + file.link() + " " + stream.readAllBytes().length);
                    }
                });
        assertThat(links).containsExactly("/etc/os-release -> ../usr/lib/os-release 0");
    }
}
