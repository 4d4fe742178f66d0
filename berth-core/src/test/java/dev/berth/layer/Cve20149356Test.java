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
 * CVE-2014-9356: Docker before 1.3.3 followed a symlink holding a full (absolute) path out of the
 * container root while extracting. Berth reads absolute symlink targets as rooted at the target, as the
 * container will see them: the write lands inside the root, never outside. A relative target that
 * climbs out is refused.
 */
class Cve20149356Test {

    @TempDir
    Path temp;

    @Test
    void absoluteSymlinkPlantedInTheSameLayerLeadsBackIntoTheRoot() throws Exception {
        Sandbox box = new Sandbox(temp);
        byte[] layer = new TarBuilder()
                .symlink("escape", box.outside.toString())
                .file("escape/secret", "owned")
                .build();

        box.extract(layer);

        box.assertOutsideUntouched();
        Path rooted = box.root.resolve(box.outside.toString().substring(1)).resolve("secret");
        assertThat(Files.readString(rooted)).isEqualTo("owned");
    }

    @Test
    void absoluteSymlinkFromALowerLayerLeadsBackIntoTheRoot() throws Exception {
        Sandbox box = new Sandbox(temp);
        box.extract(new TarBuilder().symlink("etc", box.outside.toString()).build());
        box.extract(new TarBuilder().file("etc/secret", "owned").build());

        box.assertOutsideUntouched();
        assertThat(box.root.resolve(box.outside.toString().substring(1)).resolve("secret")).hasContent("owned");
    }

    @Test
    void relativeSymlinkFromALowerLayerClimbingOutIsRefused() {
        Sandbox box = new Sandbox(temp);
        box.extract(new TarBuilder().dir("a").symlink("a/etc", "../../outside").build());

        assertThatThrownBy(() -> box.extract(new TarBuilder().file("a/etc/secret", "owned").build()))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:test: entry a/etc/secret: path escapes the root through a symlink");
        box.assertOutsideUntouched();
    }

    @Test
    void symlinkChainsAreFollowedInsideTheRootOnly() throws Exception {
        Sandbox box = new Sandbox(temp);
        byte[] layer = new TarBuilder()
                .symlink("one", "/two")
                .symlink("two", "three/..//three")
                .dir("three")
                .file("one/file", "x")
                .build();

        box.extract(layer);

        assertThat(box.root.resolve("three/file")).hasContent("x");
        box.assertOutsideUntouched();
    }

    @Test
    void symlinkLoopIsRefused() {
        Sandbox box = new Sandbox(temp);
        byte[] layer = new TarBuilder().symlink("a", "b").symlink("b", "a").file("a/x", "x").build();

        assertThatThrownBy(() -> box.extract(layer))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:test: entry a/x: too many levels of symlinks");
        box.assertOutsideUntouched();
    }
}
