package dev.berth.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ImportRequest;
import dev.berth.api.Settings;
import dev.berth.testing.BaseImages;
import dev.berth.testing.DockerEngine;
import dev.berth.testing.IntegrationFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's oracle for sizes: the same tarball imported by Docker 20.10 (overlay2) and by Berth gives
 * the same {@code Size} in {@code image inspect} and in {@code history}: the layer's files and symlink
 * targets once applied, each inode once, not the tar's length.
 */
@ExtendWith(IntegrationFixtures.class)
class ImageSizeOracleIT {

    @TempDir
    Path work;

    @Test
    void handMadeTreeWithHardlinksAndSymlinks(DockerEngine docker) throws IOException, InterruptedException {
        Path tree = Files.createDirectories(work.resolve("tree/d"));
        Files.writeString(work.resolve("tree/a"), "12345");
        Files.createLink(work.resolve("tree/b"), work.resolve("tree/a"));
        Files.createSymbolicLink(work.resolve("tree/l"), Path.of("../target"));
        Files.writeString(tree.resolve("f"), "hello world");
        Path tarball = work.resolve("tree.tar");
        Process tar = new ProcessBuilder("tar", "-cf", tarball.toString(), "-C", work.resolve("tree").toString(), ".")
                .inheritIO().start();
        assertThat(tar.waitFor()).isZero();

        assertSameSizes(docker, tarball, "size-oracle/tree:1");
    }

    @Test
    void busyboxRootfs(DockerEngine docker, BaseImages images) {
        assertSameSizes(docker, images.busyboxRootfs(), "size-oracle/busybox:1");
    }

    private void assertSameSizes(DockerEngine docker, Path tarball, String name) {
        docker.importRootfs(tarball, name);
        long dockerSize = Long.parseLong(docker.docker("image", "inspect", "-f", "{{.Size}}", name).orThrow()
                .stdout().strip());
        String dockerHistory = docker.docker("history", "-H=false", "--format", "{{.Size}}", name).orThrow()
                .stdout().strip();
        try (Berth berth = Berth.open(Settings.builder().root(work.resolve("store")).clock(Clock.systemUTC()).build());
             InputStream in = Files.newInputStream(tarball)) {
            berth.importRootfs(ImportRequest.tarball(in).reference(name).message("").build());
            assertThat(berth.inspect(name).size()).isEqualTo(dockerSize);
            assertThat(berth.history(name).getFirst().size()).isEqualTo(Long.parseLong(dockerHistory));
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            docker.docker("rmi", name);
        }
    }
}
