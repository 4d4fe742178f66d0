package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageJsonTest {

    private static final String DIFF_ID = "sha256:" + "ab".repeat(32);

    private final ImageJson codec = ImageJson.standard();

    @Test
    void writesAnEmptyConfigWithTheMembersDockerAlwaysWrites() {
        ImageConfig config = ImageConfig.empty(Platform.of("linux", "amd64"));

        assertThat(text(codec.write(config)))
                .isEqualTo("{\"architecture\":\"amd64\",\"config\":{},\"os\":\"linux\","
                        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}");
    }

    @Test
    void writesContainerConfigInDockerOrderWithSetsAsEmptyObjectsAndOmitsWhatIsUnset() {
        ContainerConfig settings = ContainerConfig.builder()
                .shell(List.of("/bin/sh", "-c"))
                .volumes(Set.of("/data", "/cache"))
                .exposedPorts(Set.of("80/tcp"))
                .env(List.of("A=1"))
                .user("app")
                .build();
        ImageConfig config = ImageConfig.empty(Platform.of("linux", "arm64", "v8")).withConfig(settings)
                .withCreated(Optional.of(Instant.parse("2024-01-02T03:04:05.100Z")))
                .withEmptyLayer(new HistoryEntry(Optional.empty(), "ENV A=1", "", "", true))
                .withLayer(Digest.parse(DIFF_ID), new HistoryEntry(Optional.empty(), "RUN true", "", "", false));

        assertThat(text(codec.write(config))).isEqualTo("{\"architecture\":\"arm64\","
                + "\"config\":{\"User\":\"app\",\"ExposedPorts\":{\"80/tcp\":{}},\"Env\":[\"A=1\"],"
                + "\"Volumes\":{\"/cache\":{},\"/data\":{}},\"Shell\":[\"/bin/sh\",\"-c\"]},"
                + "\"created\":\"2024-01-02T03:04:05.1Z\","
                + "\"history\":[{\"created_by\":\"ENV A=1\",\"empty_layer\":true},{\"created_by\":\"RUN true\"}],"
                + "\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + DIFF_ID + "\"]},"
                + "\"variant\":\"v8\"}");
    }

    @ParameterizedTest
    @CsvSource({
        "2024-01-02T03:04:05Z,           2024-01-02T03:04:05Z",
        "2024-01-02T03:04:05.000Z,       2024-01-02T03:04:05Z",
        "2024-01-02T03:04:05.5Z,         2024-01-02T03:04:05.5Z",
        "2024-01-02T03:04:05.120000000Z, 2024-01-02T03:04:05.12Z",
        "2024-01-02T03:04:05.000000001Z, 2024-01-02T03:04:05.000000001Z",
        "2024-01-02T03:04:05.123456789Z, 2024-01-02T03:04:05.123456789Z",
        "2024-01-02T05:04:05.25+02:00,   2024-01-02T03:04:05.25Z",
        "0001-01-01T00:00:00Z,           0001-01-01T00:00:00Z",
    })
    void writesTimesAsGoRfc3339NanoInUtc(String read, String written) {
        ImageConfig config = codec.readConfig(bytes("{\"created\":\"" + read + "\"}"), "config");

        assertThat(text(codec.write(config))).contains("\"created\":\"" + written + "\"");
    }

    @Test
    void escapesStringsAsGoDoes() {
        ContainerConfig settings = ContainerConfig.builder()
                .env(List.of("X=<a>&\"b\"\\\n\r\t\b\f\u0001\u001f\u007f\u2028\u2029é🐳", "BAD=\ud800"))
                .build();

        String json = text(codec.write(ImageConfig.empty(Platform.of("linux", "amd64")).withConfig(settings)));

        assertThat(json).contains("\"Env\":[\"X=\\u003ca\\u003e\\u0026\\\"b\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f"
                + "\u007f\\u2028\\u2029é🐳\",\"BAD=\\ufffd\"]");
    }

    @Test
    void sortsMapKeysByTheirUtf8BytesLikeGo() {
        // U+FFFD sorts before U+1F433 in UTF-8, though its UTF-16 code unit is larger than a surrogate's.
        ContainerConfig settings = ContainerConfig.builder()
                .labels(Map.of("b", "2", "a", "1", "🐳", "whale", "\ufffd", "replacement", "B", "upper"))
                .build();

        String json = text(codec.write(ImageConfig.empty(Platform.of("linux", "amd64")).withConfig(settings)));

        assertThat(json).contains("\"Labels\":{\"B\":\"upper\",\"a\":\"1\",\"b\":\"2\",\"\ufffd\":\"replacement\","
                + "\"🐳\":\"whale\"}");
    }

    @Test
    void keepsUnknownMembersVerbatimAndInPlace() {
        String input = "{\"zz\":{\"b\":[1,2.50,true,null],\"a\":\"<x>\"},\"config\":{\"NetworkDisabled\":true,"
                + "\"StopTimeout\":10},\"architecture\":\"amd64\",\"Size\":123456789012345678901234567890}";

        ImageConfig config = codec.readConfig(bytes(input), "config");

        assertThat(config.extra()).containsOnlyKeys("zz", "Size");
        assertThat(config.config().extra()).containsOnlyKeys("NetworkDisabled", "StopTimeout");
        assertThat(text(codec.write(config))).isEqualTo("{\"Size\":123456789012345678901234567890,"
                + "\"architecture\":\"amd64\",\"config\":{\"NetworkDisabled\":true,\"StopTimeout\":10},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},"
                + "\"zz\":{\"b\":[1,2.50,true,null],\"a\":\"\\u003cx\\u003e\"}}");
    }

    @Test
    void extraMembersCannotShadowModelledOnes() {
        ImageConfig config = ImageConfig.empty(Platform.of("linux", "amd64"));

        assertThatThrownBy(() -> new ImageConfig(config.created(), "", "amd64", "linux", "", List.of(), "",
                config.config(), config.rootFs(), List.of(), Map.of("os", new RawJson("\"windows\""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("\"os\" is a modelled member, not an extra one");
        assertThatThrownBy(() -> ContainerConfig.builder().extra(Map.of("Env", new RawJson("[]"))).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsNullAsAbsentAndMatchesMemberNamesCaseInsensitivelyLikeGo() {
        ImageConfig config = codec.readConfig(
                bytes("{\"OS\":\"linux\",\"config\":{\"env\":[\"A=1\"],\"Volumes\":null,\"Cmd\":null}}"), "config");

        assertThat(config.os()).isEqualTo("linux");
        assertThat(config.config().env()).containsExactly("A=1");
        assertThat(config.config().volumes()).isEmpty();
        assertThat(config.extra()).isEmpty();
    }

    @Test
    void imageIdIsTheDigestOfTheCanonicalBytes() {
        ImageConfig config = ImageConfig.empty(Platform.of("linux", "amd64"));

        assertThat(codec.imageId(config)).isEqualTo(Digest.sha256(codec.write(config)));
        assertThat(codec.imageId(codec.readConfig(codec.write(config), "config"))).isEqualTo(codec.imageId(config));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        []                                                  | image config must be a JSON object, found an array
        {"config":{"Env":["A=1",2]}}                        | config.Env[1]: expected a string, found an integer
        {"config":{"Cmd":"sh"}}                             | config.Cmd: expected an array, found a string
        {"config":[]}                                       | config: expected an object, found an array
        {"config":{"Labels":{"a":true}}}                    | config.Labels.a: expected a string, found a boolean
        {"config":{"ExposedPorts":{"80/tcp":1}}}            | config.ExposedPorts.80/tcp: expected {}, found an integer
        {"config":{"Healthcheck":{"Interval":-1}}}          | config.Healthcheck.Interval: a duration in nanoseconds must not be negative, found -1
        {"config":{"Healthcheck":{"Retries":1.5}}}          | config.Healthcheck.Retries: expected an integer, found a number
        {"rootfs":{"diff_ids":["sha256:xyz"]}}              | rootfs.diff_ids[0]: invalid digest "sha256:xyz"
        {"history":[{"empty_layer":"yes"}]}                 | history[0].empty_layer: expected a boolean, found a string
        {"history":[1]}                                     | history[0]: expected an object, found an integer
        {"created":"2024-01-02"}                            | created: expected an RFC 3339 time such as 2024-01-02T03:04:05.123Z, found "2024-01-02"
        {"created":"2024-02-30T00:00:00Z"}                  | created: expected an RFC 3339 time such as 2024-01-02T03:04:05.123Z, found "2024-02-30T00:00:00Z"
        {"created":"9999-12-31T23:00:00-02:00"}             | created: expected an RFC 3339 time such as 2024-01-02T03:04:05.123Z, found "9999-12-31T23:00:00-02:00"
        """)
    void refusesWrongTypesNamingTheMemberPath(String json, String message) {
        assertThatThrownBy(() -> codec.readConfig(bytes(json), "blob"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("blob:1: " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        {"schemaVersion":1}                      | schemaVersion: expected 2, found 1 (Docker schema 1 manifests are deprecated and not supported)
        {"schemaVersion":"2"}                    | schemaVersion: expected an integer, found a string
        {"schemaVersion":2}                      | config: required field is missing
        {"schemaVersion":2,"config":{"mediaType":"a","digest":"sha256:00","size":1}} | config.digest: invalid digest "sha256:00"
        {"schemaVersion":2,"config":{"mediaType":"a","size":1}} | config.digest: required field is missing
        {"schemaVersion":2,"config":{"mediaType":"a","digest":"sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff","size":-1}} | config.size: must not be negative, found -1
        {"schemaVersion":2,"config":{"mediaType":"a","digest":"sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff","size":1.0}} | config.size: expected an integer, found a number
        {"schemaVersion":2,"config":{"mediaType":"a","digest":"sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff","size":99999999999999999999}} | config.size: integer 99999999999999999999 is out of range
        {"schemaVersion":2,"config":{"mediaType":"a","digest":"sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff","size":1},"layers":[{"mediaType":"b"}]} | layers[0].digest: required field is missing
        {"schemaVersion":2,"config":{"mediaType":"a","digest":"sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff","size":1,"data":"e30"}} | config.data: invalid base64: padded length must be a multiple of 4
        {"schemaVersion":2,"config":{"mediaType":"a","digest":"sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff","size":1,"data":"e3-="}} | config.data: invalid base64: Illegal base64 character 2d
        """)
    void refusesBadManifestsNamingTheMemberPath(String json, String message) {
        assertThatThrownBy(() -> codec.readManifest(bytes(json), "manifest.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("manifest.json:1: " + message);
    }

    @Test
    void refusesDuplicateKeysTrailingDataAndEmptyInputAsSyntaxErrors() {
        assertThatThrownBy(() -> codec.readConfig(bytes("{\"os\":\"linux\",\n\"os\":\"windows\"}"), "c"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("c:2: image config is not valid JSON: Duplicate field 'os'");
        assertThatThrownBy(() -> codec.readIndex(bytes("{} {}"), "i"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("i:1: image index is not valid JSON: Trailing token");
        assertThatThrownBy(() -> codec.readConfig(new byte[0], "c"))
                .isInstanceOf(InvalidInputException.class).hasMessage("c:1: image config is empty");
        assertThatThrownBy(() -> codec.readManifest(bytes("{\"a\":"), "m"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("m:1: manifest is not valid JSON: Unexpected end-of-input");
    }

    @Test
    void refusesDocumentsOverTheSizeLimit() {
        ImageJson small = ImageJson.withLimits(16, 2L << 20);
        byte[] manifest = bytes("{\"schemaVersion\":2}");

        assertThatThrownBy(() -> small.readManifest(manifest, "m"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("m:1: manifest is 19 bytes, over the 16-byte limit");
        assertThatThrownBy(() -> small.readIndex(manifest, "i"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("i:1: image index is 19 bytes, over the 16-byte limit");
        byte[] config = bytes("{\"author\":\"" + "x".repeat(2 << 20) + "\"}");
        assertThatThrownBy(() -> small.readConfig(config, "c"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("c:1: image config is 2097165 bytes, over the 2 MiB limit");
        assertThat(ImageJson.DEFAULT_MAX_MANIFEST_BYTES).isEqualTo(4L << 20);
        assertThat(ImageJson.DEFAULT_MAX_CONFIG_BYTES).isEqualTo(64L << 20);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
