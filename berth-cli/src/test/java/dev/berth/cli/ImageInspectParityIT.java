package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.testing.BaseImages;
import dev.berth.testing.DockerEngine;
import dev.berth.testing.HostCommand;
import dev.berth.testing.IntegrationFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth image inspect} against Docker 20.10's {@code docker image inspect} of the very same images, the
 * whole document compared: images Berth built and saved into Docker, and images Docker built and Berth loaded,
 * each kind once bare (no User, WorkingDir, Entrypoint...) and once with every config member set.
 *
 * <p>Left out of the comparison, as only a daemon can know them ({@link #DAEMON_ONLY}): {@code GraphDriver}
 * (Docker's overlay2 directories), {@code Metadata.LastTagTime} (when that daemon tagged the image) and
 * {@code Parent} (the image a local build of that daemon started from; archives do not carry it).
 */
@ExtendWith(IntegrationFixtures.class)
class ImageInspectParityIT {

    /** JSON pointers of the members whose values only Docker's daemon has; Berth must still print them. */
    static final List<String> DAEMON_ONLY = List.of("/GraphDriver/Data", "/GraphDriver/Name",
            "/Metadata/LastTagTime", "/Parent");

    /** Templates compared through Docker 20.10's own CLI, which executes them over typed structs. */
    static final List<String> TEMPLATES = List.of("{{.Config.User}}", "{{.Config.WorkingDir}}",
            "{{.Config.Entrypoint}}", "{{.Config.Labels}}", "{{.Config.StopSignal}}", "{{.Config.Shell}}",
            "{{.Config.ExposedPorts}}", "{{json .Config}}", "{{json .ContainerConfig}}", "{{.Variant}}",
            "{{json .RootFS}}", "{{.Size}} {{.VirtualSize}} {{.Os}} {{.Architecture}}");

    /** What a full image sets: every Dockerfile instruction that writes to the image config. */
    static final String FULL = """
            USER 65534:65534
            WORKDIR /tmp/work
            ENV A=1 B="two words"
            LABEL org.example.one=1 two="x y"
            EXPOSE 8080/tcp 53/udp
            VOLUME /data
            ONBUILD RUN echo hi
            STOPSIGNAL SIGINT
            HEALTHCHECK --interval=30s --timeout=5s --start-period=1s --retries=2 CMD true
            SHELL ["/bin/sh", "-ec"]
            ENTRYPOINT ["/bin/echo"]
            CMD ["hello"]
            """;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path work;

    @Test
    void imagesBerthBuiltInspectAsDockerShowsThem(DockerEngine docker, BaseImages images) throws IOException {
        Path root = work.resolve("store");
        String base = "berth-it/inspect-base:" + SUFFIX;
        berth(root, "import", images.busyboxRootfs().toString(), base);
        List<String> names = List.of(base, build(root, "bare", "FROM " + base + "\nCOPY f /f\n"),
                build(root, "full", "FROM " + base + "\n" + FULL), build(root, "scratch", "FROM scratch\nLABEL a=b\n"));
        Path archive = work.resolve("berth.tar");
        List<String> save = new ArrayList<>(List.of("save", "-o", archive.toString()));
        save.addAll(names);
        berth(root, save.toArray(String[]::new));
        docker.docker("load", "-i", archive.toString()).orThrow();
        try {
            names.forEach(name -> assertSameInspect(docker, root, name));
        } finally {
            names.forEach(name -> docker.docker("rmi", "-f", name));
        }
    }

    @Test
    void imagesDockerBuiltInspectInBerthAsInDocker(DockerEngine docker, BaseImages images) throws IOException {
        Path root = work.resolve("store");
        String base = "berth-it/inspect-docker-base:" + SUFFIX;
        docker.importRootfs(images.busyboxRootfs(), base);
        List<String> names = List.of(base, dockerBuild(docker, "bare", "FROM " + base + "\nCOPY f /f\n"),
                dockerBuild(docker, "full", "FROM " + base + "\n" + FULL));
        try {
            Path archive = work.resolve("docker.tar");
            List<String> save = new ArrayList<>(List.of("save", "-o", archive.toString()));
            save.addAll(names);
            docker.docker(save).orThrow();
            berth(root, "load", "-i", archive.toString());
            names.forEach(name -> assertSameInspect(docker, root, name));
        } finally {
            names.forEach(name -> docker.docker("rmi", "-f", name));
        }
    }

    private void assertSameInspect(DockerEngine docker, Path root, String name) {
        JsonNode dockers = comparable(docker.docker("image", "inspect", name).orThrow().stdout());
        JsonNode berths = comparable(berth(root, "image", "inspect", name));
        assertThat(berths.toPrettyString()).as(name).isEqualTo(dockers.toPrettyString());
        for (String template : TEMPLATES) {
            String expected = HostCommand.of("/usr/bin/docker", "image", "inspect", "--format", template, name)
                    .withEnvironment(docker.environment()).run().orThrow().stdout();
            assertThat(berth(root, "image", "inspect", "--format", template, name)).as(name + " " + template)
                    .isEqualTo(expected);
        }
    }

    /** The one inspect object, daemon-only members blanked (a member missing on either side still fails). */
    private static JsonNode comparable(String json) {
        try {
            JsonNode array = MAPPER.readTree(json);
            assertThat(array.size()).isOne();
            ObjectNode image = (ObjectNode) array.get(0);
            for (String pointer : DAEMON_ONLY) {
                int slash = pointer.lastIndexOf('/');
                JsonNode parent = image.at(pointer.substring(0, slash));
                String member = pointer.substring(slash + 1);
                assertThat(parent.has(member)).as("%s is in the document", pointer).isTrue();
                ((ObjectNode) parent).put(member, "<daemon-only>");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String build(Path root, String name, String dockerfile) throws IOException {
        Path context = context(name, dockerfile);
        String tag = "berth-it/inspect-" + name + ":" + SUFFIX;
        berth(root, "build", "-q", "-t", tag, context.toString());
        return tag;
    }

    private String dockerBuild(DockerEngine docker, String name, String dockerfile) throws IOException {
        Path context = context("docker-" + name, dockerfile);
        String tag = "berth-it/inspect-docker-" + name + ":" + SUFFIX;
        // The legacy builder: Docker 20.10's default, and the one that writes container_config.
        Map<String, String> environment = new HashMap<>(docker.environment());
        environment.put("DOCKER_BUILDKIT", "0");
        HostCommand.of(List.of("docker", "build", "-q", "-t", tag, context.toString())).withEnvironment(environment)
                .run().orThrow();
        return tag;
    }

    private Path context(String name, String dockerfile) throws IOException {
        Path context = Files.createDirectories(work.resolve("context-" + name));
        Files.writeString(context.resolve("f"), "a file\n");
        Files.writeString(context.resolve("Dockerfile"), dockerfile);
        return context;
    }

    private static String berth(Path root, String... args) {
        List<String> withRoot = new ArrayList<>(List.of(args));
        withRoot.add("--root");
        withRoot.add(root.toString());
        CliRun result = CliRun.of(withRoot.toArray(String[]::new));
        assertThat(result.exitCode()).as("berth %s: %s", String.join(" ", args), result.err()).isZero();
        return result.out();
    }
}
