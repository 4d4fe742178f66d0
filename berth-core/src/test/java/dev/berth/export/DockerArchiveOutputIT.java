package dev.berth.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.BuildRequest;
import dev.berth.api.BuildResult;
import dev.berth.api.ImportRequest;
import dev.berth.api.Output;
import dev.berth.api.Settings;
import dev.berth.api.TestBuilds;
import dev.berth.error.ExecutionException;
import dev.berth.event.ProgressListener;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import dev.berth.testing.BaseImages;
import dev.berth.testing.DockerEngine;
import dev.berth.testing.IntegrationFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --output type=docker,dest=FILE} against the real Docker engine: the archive loads with
 * {@code docker load}, keeps the image ID, and runs; what ADD extracted and COPY --from kept shows inside.
 */
@ExtendWith(IntegrationFixtures.class)
class DockerArchiveOutputIT {

    @TempDir
    Path work;

    @Test
    void aBuiltImageWrittenAsADockerArchiveLoadsAndRuns(DockerEngine docker, BaseImages images) throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String base = "berth-it/output-base:" + suffix;
        String name = "berth-it/output:" + suffix;
        StoreLayout layout = new StoreLayout(work.resolve("store"));
        try (Berth berth = Berth.open(Settings.builder().root(layout.root()).clock(Clock.systemUTC()).build());
             InputStream rootfs = Files.newInputStream(images.busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(rootfs).reference(base).message("Imported from -").build());
        }
        Path context = Files.createDirectories(work.resolve("context"));
        Files.writeString(context.resolve("hello.txt"), "hello from an archive\n");
        Files.write(context.resolve("tools.tar.xz"), xzTar("tool.txt", "unpacked from xz\n"));
        Files.writeString(context.resolve("Dockerfile"), """
                FROM %s AS files
                COPY --chown=1000:1000 --chmod=0640 hello.txt /data/hello.txt
                FROM %s
                COPY --from=files /data/hello.txt /srv/hello.txt
                ADD tools.tar.xz /opt/
                CMD ["sh", "-c", "cat /srv/hello.txt /opt/tool.txt; stat -c '%%u:%%g %%a' /srv/hello.txt"]
                """.formatted(base, base));
        Path archive = work.resolve("image.tar");
        BuildResult result;
        try (LocalStore store = LocalStore.open(layout)) {
            BuildRequest request = BuildRequest.builder(context).tags(List.of(name))
                    .outputs(List.of(new Output.DockerArchive(new Output.Destination.File(archive)))).build();
            result = TestBuilds.build(store, invocation -> {
                throw new ExecutionException("this build has no RUN");
            }, Clock.systemUTC(), request, ProgressListener.NONE);
            assertThat(store.images().resolve("docker.io/" + name)).isEmpty();
        }
        try {
            assertThat(docker.docker("load", "-i", archive.toString()).orThrow().stdout())
                    .isEqualTo("Loaded image: " + name + "\n");
            assertThat(docker.docker("image", "inspect", "--format", "{{.Id}}", name).orThrow().stdout().strip())
                    .isEqualTo(result.imageId().toString());
            assertThat(docker.docker("run", "--rm", "--network", "none", name).orThrow().stdout())
                    .isEqualTo("hello from an archive\nunpacked from xz\n1000:1000 640\n");
        } finally {
            docker.docker("rmi", "-f", name);
        }
    }

    private static byte[] xzTar(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream xz = new XZCompressorOutputStream(bytes); TarArchiveOutputStream tar = new TarArchiveOutputStream(xz)) {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(data.length);
            entry.setMode(0644);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
