package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.StoreException;
import dev.berth.testing.TarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CVE-2014-6407: Docker before 1.3.2 let an image archive write anywhere through a symlink or a
 * hardlink it planted. Here hardlinks may only name what is already inside the root, and writes through
 * a symlink are resolved inside the root.
 */
class Cve20146407Test {

    @TempDir
    Path temp;

    @Test
    void hardlinkClimbingOutOfTheRootIsRefused() {
        Sandbox box = new Sandbox(temp);
        byte[] layer = new TarBuilder().hardlink("passwd", "../outside/secret").build();

        assertThatThrownBy(() -> box.extract(layer))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:test: entry passwd: path escapes the root");
        box.assertOutsideUntouched();
        assertThat(box.root.resolve("passwd")).doesNotExist();
    }

    @Test
    void hardlinkToAnAbsolutePathIsRefused() {
        Sandbox box = new Sandbox(temp);
        byte[] layer = new TarBuilder().hardlink("passwd", box.outside.resolve("secret").toString()).build();

        assertThatThrownBy(() -> box.extract(layer))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:test: entry passwd: absolute path");
        box.assertOutsideUntouched();
    }

    @Test
    void hardlinkThroughAPlantedSymlinkStaysInsideTheRoot() throws Exception {
        Sandbox box = new Sandbox(temp);
        // The symlink points at the real outside directory; resolved in the root it leads to root/<that path>.
        byte[] layer = new TarBuilder()
                .symlink("escape", box.outside.toString())
                .hardlink("stolen", "escape/secret")
                .build();

        assertThatThrownBy(() -> box.extract(layer))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:test: entry stolen: hardlink target escape/secret does not exist in this layer or below");
        box.assertOutsideUntouched();
        assertThat(Files.exists(box.root.resolve("stolen"))).isFalse();
    }

    @Test
    void fileWrittenThroughARelativeSymlinkOutOfTheRootIsRefused() {
        Sandbox box = new Sandbox(temp);
        byte[] layer = new TarBuilder()
                .symlink("escape", "../outside")
                .file("escape/secret", "owned")
                .build();

        assertThatThrownBy(() -> box.extract(layer))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:test: entry escape/secret: path escapes the root through a symlink");
        box.assertOutsideUntouched();
    }

    @Test
    void symlinkReplacingALowerFileIsNotWrittenThrough() throws Exception {
        Sandbox box = new Sandbox(temp);
        Files.writeString(box.root.resolve("config"), "lower");
        byte[] layer = new TarBuilder()
                .symlink("config", "../outside/secret")
                .file("config", "upper")
                .build();

        box.extract(layer);

        box.assertOutsideUntouched();
        assertThat(Files.isSymbolicLink(box.root.resolve("config"))).isFalse();
        assertThat(Files.readString(box.root.resolve("config"))).isEqualTo("upper");
    }

    @Test
    void hardlinkToASymlinkLinksTheSymlinkNotItsTarget() throws Exception {
        Sandbox box = new Sandbox(temp);
        byte[] layer = new TarBuilder()
                .symlink("s", "../outside/secret")
                .hardlink("h", "s")
                .build();

        box.extract(layer);

        box.assertOutsideUntouched();
        assertThat(Files.readSymbolicLink(box.root.resolve("h"))).isEqualTo(Path.of("../outside/secret"));
        assertThat(Files.getAttribute(box.outside.resolve("secret"), "unix:nlink")).isEqualTo(1);
    }
}
