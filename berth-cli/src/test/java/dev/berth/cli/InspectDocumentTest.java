package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.ImageDetails;
import dev.berth.error.InvalidInputException;
import dev.berth.image.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inspect document of hand-made image configs, against what Docker 20.10 printed for the very same configs
 * after {@code docker load} ({@code docker image inspect -f '{{json .}}'} and other templates through its 20.10
 * CLI). The goldens keep Docker's bytes except the daemon-only members, which read as Berth fills them:
 * {@code "GraphDriver":{"Data":null,"Name":""}} and a zero {@code Metadata.LastTagTime}.
 */
class InspectDocumentTest {

    static final String LAYER = "sha256:e8789f29eada524bc2e1ca9eb14bba5c27f5303671715ba8430273e6cca58ee5";
    static final String EMPTY_CONFIG = "{\"Hostname\":\"\",\"Domainname\":\"\",\"User\":\"\",\"AttachStdin\":false,"
            + "\"AttachStdout\":false,\"AttachStderr\":false,\"Tty\":false,\"OpenStdin\":false,\"StdinOnce\":false,"
            + "\"Env\":null,\"Cmd\":null,\"Image\":\"\",\"Volumes\":null,\"WorkingDir\":\"\",\"Entrypoint\":null,"
            + "\"OnBuild\":null,\"Labels\":null}";
    static final String BERTH_TAIL = "\"GraphDriver\":{\"Data\":null,\"Name\":\"\"},";
    static final String ZERO_TAG_TIME = "\"Metadata\":{\"LastTagTime\":\"0001-01-01T00:00:00Z\"}}";

    /** Image configs, keyed by name, as the probes loaded into Docker held them. */
    static final Map<String, String> CONFIGS = Map.of(
            // Every member unusual: a name in lower case, an offset time, a string Cmd, empty sets, an empty
            // Healthcheck with 20.10-unknown StartInterval, members Docker omits when empty, and one it drops.
            "odd", "{\"architecture\":\"amd64\",\"created\":\"2024-01-02T03:04:05.120+02:00\",\"os\":\"linux\","
                    + "\"os.version\":\"1.2\",\"variant\":\"v9\",\"container\":\"abc\",\"config\":{\"user\":\"lower\","
                    + "\"Env\":[],\"Cmd\":\"sh\",\"Labels\":{},\"Volumes\":{},\"ExposedPorts\":{},\"Healthcheck\":"
                    + "{\"StartInterval\":5,\"Test\":[]},\"ArgsEscaped\":true,\"Unknown\":1,\"MacAddress\":\"m\","
                    + "\"StopTimeout\":3,\"NetworkDisabled\":true,\"Entrypoint\":null,\"OnBuild\":[]},"
                    + "\"container_config\":{\"Cmd\":[\"x\"]},\"docker_version\":\"dv\",\"author\":\"me\","
                    + "\"comment\":\"top\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + LAYER + "\"]}}",
            // No config, no created, no os: Config is null, Created and Os are the daemon's defaults.
            "noconfig", "{\"architecture\":\"amd64\",\"history\":[{\"created\":\"2024-01-01T00:00:00Z\","
                    + "\"comment\":\"from history\"}],\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + LAYER + "\"]}}",
            // An empty config and no layers: every config member at its zero value, RootFS without Layers.
            "empty", "{\"config\":{\"Shell\":[],\"Env\":null},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}");

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("odd", "top", 3, "{\"Id\":\"%s\",\"RepoTags\":[\"probe/odd:1\"],\"RepoDigests\":[],"
                        + "\"Parent\":\"\",\"Comment\":\"top\",\"Created\":\"2024-01-02T03:04:05.12+02:00\","
                        + "\"Container\":\"abc\",\"ContainerConfig\":" + EMPTY_CONFIG.replace("\"Cmd\":null",
                        "\"Cmd\":[\"x\"]") + ",\"DockerVersion\":\"dv\",\"Author\":\"me\",\"Config\":{\"Hostname\":"
                        + "\"\",\"Domainname\":\"\",\"User\":\"lower\",\"AttachStdin\":false,\"AttachStdout\":false,"
                        + "\"AttachStderr\":false,\"Tty\":false,\"OpenStdin\":false,\"StdinOnce\":false,\"Env\":[],"
                        + "\"Cmd\":[\"sh\"],\"Healthcheck\":{},\"ArgsEscaped\":true,\"Image\":\"\",\"Volumes\":{},"
                        + "\"WorkingDir\":\"\",\"Entrypoint\":null,\"NetworkDisabled\":true,\"MacAddress\":\"m\","
                        + "\"OnBuild\":[],\"Labels\":{},\"StopTimeout\":3},\"Architecture\":\"amd64\",\"Variant\":"
                        + "\"v9\",\"Os\":\"linux\",\"OsVersion\":\"1.2\",\"Size\":3,\"VirtualSize\":3," + BERTH_TAIL
                        + "\"RootFS\":{\"Type\":\"layers\",\"Layers\":[\"" + LAYER + "\"]}," + ZERO_TAG_TIME),
                Arguments.of("noconfig", "from history", 3, "{\"Id\":\"%s\",\"RepoTags\":[\"probe/noconfig:1\"],"
                        + "\"RepoDigests\":[],\"Parent\":\"\",\"Comment\":\"from history\",\"Created\":"
                        + "\"0001-01-01T00:00:00Z\",\"Container\":\"\",\"ContainerConfig\":" + EMPTY_CONFIG
                        + ",\"DockerVersion\":\"\",\"Author\":\"\",\"Config\":null,\"Architecture\":\"amd64\","
                        + "\"Os\":\"linux\",\"Size\":3,\"VirtualSize\":3," + BERTH_TAIL + "\"RootFS\":{\"Type\":"
                        + "\"layers\",\"Layers\":[\"" + LAYER + "\"]}," + ZERO_TAG_TIME),
                Arguments.of("empty", "", 0, "{\"Id\":\"%s\",\"RepoTags\":[\"probe/empty:1\"],\"RepoDigests\":[],"
                        + "\"Parent\":\"\",\"Comment\":\"\",\"Created\":\"0001-01-01T00:00:00Z\",\"Container\":\"\","
                        + "\"ContainerConfig\":" + EMPTY_CONFIG + ",\"DockerVersion\":\"\",\"Author\":\"\","
                        + "\"Config\":" + EMPTY_CONFIG + ",\"Architecture\":\"\",\"Os\":\"linux\",\"Size\":0,"
                        + "\"VirtualSize\":0," + BERTH_TAIL + "\"RootFS\":{\"Type\":\"layers\"}," + ZERO_TAG_TIME));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void theDocumentIsDockersMemberForMember(String name, String comment, long size, String golden) {
        ImageDetails image = details(name, comment, size);
        assertThat(GoJson.compact(InspectDocument.forImage(image))).isEqualTo(golden.formatted(image.id()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            odd      | {{.Config.User}}                 | lower
            odd      | {{.Config.Entrypoint}}           | []
            odd      | {{.Config.Labels}}               | map[]
            odd      | {{.Config.ExposedPorts}}         | map[]
            odd      | {{.Config.Volumes}}              | map[]
            odd      | {{.Config.StopTimeout}}          | 3
            odd      | {{json .Config.Shell}}           | null
            odd      | {{.Variant}}/{{.OsVersion}}      | v9/1.2
            odd      | {{.ContainerConfig.Cmd}}         | [x]
            odd      | {{.Config.ArgsEscaped}}          | true
            odd      | {{.Metadata.LastTagTime}}        | 0001-01-01 00:00:00 +0000 UTC
            noconfig | {{.Variant}}/{{.OsVersion}}      | /
            noconfig | {{.ContainerConfig.Cmd}}         | []
            noconfig | {{json .RootFS.Layers}}          | ["%s"]
            empty    | {{.Config.User}}                 | ''
            empty    | {{.Config.WorkingDir}}           | ''
            empty    | {{.Config.StopSignal}}           | ''
            empty    | {{.Config.Entrypoint}}           | []
            empty    | {{.Config.Healthcheck}}          | <nil>
            empty    | {{.Config.StopTimeout}}          | <nil>
            empty    | {{.Config.ExposedPorts}}         | map[]
            empty    | {{json .Config.Shell}}           | null
            empty    | {{.Config.ArgsEscaped}}          | false
            empty    | {{json .RootFS.Layers}}          | null
            empty    | {{.GraphDriver.Name}}            | ''
            empty    | {{.GraphDriver.Data}}            | map[]
            """)
    void templatesSeeDockersTypedValues(String name, String template, String expected) {
        ImageDetails image = details(name, "", 0);
        String rendered = GoTemplate.parse(template).render(InspectDocument.forImage(image), InspectDocument.IMAGE_INSPECT);
        assertThat(rendered).isEqualTo(expected.formatted(LAYER));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {{.Config.User}}
            {{.Config.Nothing}}
            """)
    void aNullConfigOrAnUnknownMemberIsAnError(String template) {
        ImageDetails image = details(template.contains("User") ? "noconfig" : "empty", "", 0);
        assertThatThrownBy(() -> GoTemplate.parse(template).render(InspectDocument.forImage(image),
                InspectDocument.IMAGE_INSPECT)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-02T03:04:05Z           | 2024-01-02T03:04:05Z
            2024-01-02T03:04:05.500000000Z | 2024-01-02T03:04:05.5Z
            2024-01-02T03:04:05+00:00      | 2024-01-02T03:04:05Z
            2024-01-02T03:04:05.1-07:30    | 2024-01-02T03:04:05.1-07:30
            not a time                     | 0001-01-01T00:00:00Z
            """)
    void createdKeepsItsOffsetAsGoTimeDoes(String created, String expected) {
        String config = "{\"created\":\"" + created + "\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";
        ImageDetails image = details("t", "", 0, config);
        assertThat(InspectDocument.forImage(image).get("Created").asText()).isEqualTo(expected);
    }

    private static ImageDetails details(String name, String comment, long size) {
        return details(name, comment, size, CONFIGS.get(name));
    }

    private static ImageDetails details(String name, String comment, long size, String config) {
        List<Digest> layers = config.contains(LAYER) ? List.of(Digest.parse(LAYER)) : List.of();
        // The typed members are unused by the document, which decodes the config as the daemon does.
        return new ImageDetails(Digest.sha256(config.getBytes(StandardCharsets.UTF_8)), List.of("probe/" + name + ":1"),
                List.of(), comment, Optional.empty(), "", "", "{}", "", "", "", size, "layers", layers, config);
    }
}
