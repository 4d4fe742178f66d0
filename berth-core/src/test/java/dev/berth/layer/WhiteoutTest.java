package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.StoreException;
import dev.berth.testing.TarBuilder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OCI whiteouts, applied to a flat rootfs or kept in overlayfs form. */
class WhiteoutTest {

    @TempDir
    Path temp;

    Sandbox box;

    @BeforeEach
    void lowerLayer() {
        box = new Sandbox(temp);
        box.extract(new TarBuilder()
                .dir("etc").file("etc/keep", "k").file("etc/gone", "g")
                .dir("var").dir("var/cache").file("var/cache/a", "a").file("var/cache/b", "b")
                .symlink("var/link", "../../outside")
                .build());
    }

    @Test
    void whiteoutDeletesTheLowerFile() {
        box.extract(new TarBuilder().file("etc/.wh.gone", "").build());

        assertThat(list(box.root.resolve("etc"))).containsExactly("keep");
    }

    @Test
    void whiteoutOfASymlinkRemovesTheLinkNotItsTarget() {
        box.extract(new TarBuilder().file("var/.wh.link", "").build());

        assertThat(box.root.resolve("var/link")).doesNotExist();
        box.assertOutsideUntouched();
    }

    @Test
    void opaqueDirectoryKeepsOnlyWhatThisLayerAdds() {
        box.extract(new TarBuilder()
                .file("var/cache/new", "n")
                .file("var/cache/.wh..wh..opq", "")
                .dir("var/cache/sub").file("var/cache/sub/x", "x")
                .build());

        assertThat(list(box.root.resolve("var/cache"))).containsExactly("new", "sub");
    }

    @Test
    void whiteoutDoesNotHideWhatTheSameLayerAdded() {
        box.extract(new TarBuilder().file("etc/added", "a").file("etc/.wh.added", "").build());

        assertThat(box.root.resolve("etc/added")).hasContent("a");
    }

    @Test
    void whiteoutOfAMissingPathIsHarmless() {
        box.extract(new TarBuilder().file("nowhere/.wh.thing", "").build());

        assertThat(box.root.resolve("nowhere")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"etc/.wh...", "etc/.wh..", "etc/.wh."})
    void whiteoutThatNamesNoFileIsRefused(String name) {
        assertThatThrownBy(() -> box.extract(new TarBuilder().file(name, "").build()))
                .isInstanceOf(StoreException.class)
                .hasMessageEndingWith("is not a name");
        assertThat(box.root.resolve("etc/keep")).exists();
        box.assertOutsideUntouched();
    }

    @Test
    void overlayModeKeepsWhiteoutsAsDevicesAndOpaqueXattrs() throws Exception {
        Path layerDir = Files.createDirectory(temp.resolve("overlay-layer"));
        byte[] layer = new TarBuilder().file("etc/.wh.gone", "").file("var/cache/.wh..wh..opq", "").build();

        new LayerExtractor(ExtractOptions.defaults(true).withWhiteouts(ExtractOptions.WhiteoutMode.OVERLAY))
                .extract("overlay", new java.io.ByteArrayInputStream(layer), layerDir);

        Path whiteout = layerDir.resolve("etc/gone");
        assertThat(Files.getAttribute(whiteout, "unix:mode", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0020000);
        assertThat(Files.getAttribute(whiteout, "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0L);
        assertThat(NativeFileCalls.xattrs(layerDir.resolve("var/cache"))).containsEntry("trusted.overlay.opaque", "y");
    }

    @Test
    void overlayModeNeedsPrivilege() {
        byte[] layer = new TarBuilder().file("etc/.wh.gone", "").build();

        assertThatThrownBy(() -> box.extract(layer, new ExtractOptions(1 << 20, 4096, ExtractOptions.WhiteoutMode.OVERLAY, false)))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:test: entry etc/.wh.gone: overlay whiteouts need root (etc/.wh.gone)");
    }

    private static java.util.List<String> list(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
