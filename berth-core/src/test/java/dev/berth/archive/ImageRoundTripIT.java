package dev.berth.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.api.ArchiveImage;
import dev.berth.api.Berth;
import dev.berth.api.ImageDetails;
import dev.berth.api.ImportRequest;
import dev.berth.api.SaveFormat;
import dev.berth.api.Settings;
import dev.berth.image.Digest;
import dev.berth.testing.BaseImages;
import dev.berth.testing.DockerEngine;
import dev.berth.testing.IntegrationFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Interoperability with the real Docker engine, both ways, through archives. */
@ExtendWith(IntegrationFixtures.class)
class ImageRoundTripIT {

    @TempDir
    Path work;

    @Test
    void anImageBerthImportedAndSavedLoadsIntoDockerAndRuns(DockerEngine docker, BaseImages images) throws IOException {
        String name = "berth-it/busybox:" + UUID.randomUUID().toString().substring(0, 8);
        Path archive = work.resolve("berth.tar");
        Digest id;
        try (Berth berth = Berth.open(Settings.builder().root(work.resolve("store")).clock(Clock.systemUTC()).build());
             InputStream rootfs = Files.newInputStream(images.busyboxRootfs());
             OutputStream out = Files.newOutputStream(archive)) {
            id = berth.importRootfs(ImportRequest.tarball(rootfs).reference(name)
                    .changes(List.of("CMD echo hello from berth", "ENV GREETING=hi"))
                    .message("Imported from -").build());
            berth.save(List.of(name), SaveFormat.DOCKER, out);
        }
        try {
            assertThat(docker.docker("load", "-i", archive.toString()).orThrow().stdout())
                    .isEqualTo("Loaded image: " + name + "\n");
            assertThat(docker.docker("image", "inspect", "--format", "{{.Id}}", name).orThrow().stdout().strip())
                    .isEqualTo(id.toString());
            assertThat(docker.docker("run", "--rm", "--network", "none", name).orThrow().stdout())
                    .isEqualTo("hello from berth\n");
            assertThat(docker.docker("run", "--rm", "--network", "none", name, "sh", "-c", "echo $GREETING")
                    .orThrow().stdout()).isEqualTo("hi\n");
        } finally {
            docker.docker("rmi", "-f", name);
        }
    }

    @Test
    void anImageDockerSavedLoadsIntoBerthWithTheSameIdAndConfig(DockerEngine docker, BaseImages images)
            throws IOException {
        String name = "berth-it/docker-made:" + UUID.randomUUID().toString().substring(0, 8);
        String dockerId = docker.docker("import", "-c", "ENV A=1", "-c", "CMD [\"sh\"]", "-c", "WORKDIR /tmp",
                "-c", "EXPOSE 8080", "-c", "LABEL team=berth", "-m", "made by docker",
                images.busyboxRootfs().toString(), name).orThrow().stdout().strip();
        Path archive = work.resolve("docker.tar");
        JsonNode dockers;
        try {
            docker.docker("save", "-o", archive.toString(), name).orThrow();
            dockers = new ObjectMapper().readTree(docker.docker("image", "inspect", name).orThrow().stdout()).get(0);
        } finally {
            docker.docker("rmi", "-f", name);
        }
        try (Berth berth = Berth.open(Settings.builder().root(work.resolve("store")).clock(Clock.systemUTC()).build());
             InputStream in = Files.newInputStream(archive)) {
            List<ArchiveImage> loaded = berth.load(in);
            assertThat(loaded).extracting(ArchiveImage::id).containsExactly(Digest.parse(dockerId));
            ImageDetails berths = berth.inspect(name);
            assertThat(berths.id()).hasToString(dockers.get("Id").asText());
            assertThat(berths.repoTags()).containsExactly(name);
            assertThat(berths.comment()).isEqualTo(dockers.get("Comment").asText()).isEqualTo("made by docker");
            assertThat(berths.created()).contains(Instant.parse(dockers.get("Created").asText()));
            assertThat(berths.dockerVersion()).isEqualTo(dockers.get("DockerVersion").asText());
            assertThat(berths.author()).isEqualTo(dockers.get("Author").asText());
            assertThat(berths.architecture()).isEqualTo(dockers.get("Architecture").asText());
            assertThat(berths.os()).isEqualTo(dockers.get("Os").asText());
            assertThat(new ObjectMapper().readTree(berths.containerConfigJson())).isEqualTo(dockers.get("Config"));
            assertThat(berths.diffIds()).extracting(Digest::toString)
                    .containsExactlyElementsOf(dockers.at("/RootFS/Layers").valueStream().map(JsonNode::asText).toList());
        }
    }
}
