package dev.berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.berth.testing.BaseImages;
import dev.berth.testing.DockerEngine;
import dev.berth.testing.IntegrationFixtures;

/**
 * {@link DockerDefaults} against the oracle: the {@code config.json} the test dockerd hands runc for a container
 * started with {@code docker run --network none}.
 */
@ExtendWith(IntegrationFixtures.class)
class DockerDefaultsOracleIT {

    @Test
    void defaultsMatchWhatDockerGivesRunc(DockerEngine docker, BaseImages images) throws IOException {
        docker.importRootfs(images.busyboxRootfs(), "busybox:test");
        String name = "berth-oracle-" + UUID.randomUUID().toString().substring(0, 8);
        String id = docker.docker("run", "-d", "-i", "--name", name, "--network", "none", "busybox:test", "cat")
                .orThrow().stdout().strip();
        JsonNode dockers;
        try {
            dockers = new ObjectMapper().readTree(dockerConfigOf(docker, id).toFile());
        } finally {
            docker.docker("rm", "-f", name).orThrow();
        }
        var process = DockerDefaults.process(List.of("cat"), List.of(), UserSpec.root(), "/");
        JsonNode berths = new RuntimeSpecWriter().toTree(DockerDefaults.spec("rootfs", process, "c", false));

        for (String pointer : List.of("/process/capabilities/bounding", "/process/capabilities/effective",
                "/process/capabilities/permitted", "/linux/namespaces", "/linux/maskedPaths", "/linux/readonlyPaths",
                "/linux/resources/devices", "/linux/sysctl")) {
            // As JSON text: Jackson's nodes for 5 (int) and 5L (long) are not equal, their text is.
            assertThat(berths.at(pointer).toString()).as(pointer).isEqualTo(dockers.at(pointer).toString());
        }
        // Docker then adds its bind mounts of /etc/resolv.conf, /etc/hostname and /etc/hosts.
        ArrayNode dockerMounts = (ArrayNode) dockers.get("mounts");
        ArrayNode firstMounts = dockerMounts.deepCopy();
        while (firstMounts.size() > DockerDefaults.mounts().size()) {
            firstMounts.remove(firstMounts.size() - 1);
        }
        assertThat(berths.get("mounts").toString()).isEqualTo(firstMounts.toString());
        var etc = DockerDefaults.etcBinds(Path.of("/r"), Path.of("/n"), Path.of("/h"));
        for (int i = 0; i < etc.size(); i++) {
            JsonNode dockerMount = dockerMounts.get(dockerMounts.size() - etc.size() + i);
            assertThat(dockerMount.get("destination").asText()).isEqualTo(etc.get(i).destination());
            assertThat(dockerMount.get("type").asText()).isEqualTo(etc.get(i).type());
            assertThat(dockerMount.get("options").toString()).isEqualTo(RuntimeSpecWriter.strings(etc.get(i).options()).toString());
        }
        assertThat(dockers.at("/process/capabilities/inheritable").isMissingNode()).isTrue();
        assertThat(berths.at("/process/capabilities/inheritable")).isEmpty();
    }

    /** Finds the bundle containerd made for the container under the engine's exec root. */
    private static Path dockerConfigOf(DockerEngine docker, String id) throws IOException {
        try (Stream<Path> files = Files.find(docker.layout().execRoot(), 8,
                (path, attributes) -> path.getFileName().toString().equals("config.json")
                        && path.getParent().getFileName().toString().equals(id))) {
            return files.findFirst().orElseThrow(() -> new IllegalStateException(
                    "no config.json for container " + id + " under " + docker.layout().execRoot()));
        }
    }
}
