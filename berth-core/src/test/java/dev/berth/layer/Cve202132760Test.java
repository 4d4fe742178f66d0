package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.TarBuilder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CVE-2021-32760: containerd chmod-ed the target of a symlink it had just extracted, changing the
 * mode of a file outside the root. Berth never chmods, chowns or sets times through a symlink.
 */
class Cve202132760Test {

    @TempDir
    Path temp;

    @Test
    void symlinkModeIsNotAppliedToItsTarget() throws Exception {
        Sandbox box = new Sandbox(temp);
        byte[] layer = new TarBuilder()
                .symlinkOwned("relative", "../outside/secret", 07777, 1234, 1234)
                .symlinkOwned("absolute", box.outside.resolve("secret").toString(), 07777, 1234, 1234)
                .build();

        box.extract(layer);

        box.assertOutsideUntouched();
        assertThat(Files.readSymbolicLink(box.root.resolve("relative"))).isEqualTo(Path.of("../outside/secret"));
        assertThat(Files.getAttribute(box.root.resolve("relative"), "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1234);
    }

    @Test
    void entryReplacingASymlinkIsNotAppliedThroughIt() throws Exception {
        Sandbox box = new Sandbox(temp);
        byte[] layer = new TarBuilder()
                .symlink("target", "../outside/dir")
                .dir("target", 0777)
                .symlink("file", "../outside/secret")
                .owned("file", "new", 06777, 4321, 4321)
                .build();

        box.extract(layer);

        box.assertOutsideUntouched();
        assertThat(Files.isDirectory(box.root.resolve("target"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.getAttribute(box.root.resolve("file"), "unix:mode")).isEqualTo(0106777);
        assertThat(Files.getAttribute(box.root.resolve("file"), "unix:uid")).isEqualTo(4321);
    }
}
