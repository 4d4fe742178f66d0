package dev.berth.compose.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.compose.model.ComposeProject;
import dev.berth.compose.print.ConfigRenderer;
import dev.berth.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tables of short forms made long, of merges across files, and of errors naming file, line and attribute. Each row
 * loads a project from text and reads one attribute of service {@code s} back from the JSON {@code config} prints.
 */
class ComposeLoadingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private ComposeProject load(Map<String, String> files, List<String> order) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue());
        }
        return ProjectLoader.load(new ProjectOptions(directory, order.stream().map(Path::of).toList(),
                Optional.of("t"), Optional.empty(), List.of(), List.of(), Map.of("HOME", "/home/u", "V", "v"), true));
    }

    private String attribute(ComposeProject project, String name) throws IOException {
        JsonNode value = JSON.readTree(ConfigRenderer.json(project, false)).path("services").path("s").path(name);
        return JSON.writeValueAsString(value).replace(directory.toString(), "DIR");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ports       | ["8080:80"]               | [{"mode":"ingress","target":80,"published":"8080","protocol":"tcp"}]
            ports       | [80]                      | [{"mode":"ingress","target":80,"protocol":"tcp"}]
            ports       | ["127.0.0.1:53:53/udp"]   | [{"mode":"ingress","host_ip":"127.0.0.1","target":53,"published":"53","protocol":"udp"}]
            ports       | ["1-2:3-4"]               | [{"mode":"ingress","target":3,"published":"1","protocol":"tcp"},{"mode":"ingress","target":4,"published":"2","protocol":"tcp"}]
            ports       | [{target: 80}]            | [{"mode":"ingress","target":80,"protocol":"tcp"}]
            volumes     | ["./a:/a:ro"]             | [{"type":"bind","source":"DIR/a","target":"/a","read_only":true,"bind":{"create_host_path":true}}]
            volumes     | ["~/c:/c"]                | [{"type":"bind","source":"/home/u/c","target":"/c","bind":{"create_host_path":true}}]
            volumes     | ["/anon"]                 | [{"type":"volume","target":"/anon","volume":{}}]
            environment | [A=1, B]                  | {"A":"1","B":null}
            environment | {A: 1, V: }               | {"A":"1","V":"v"}
            labels      | [a=b, c]                  | {"a":"b","c":""}
            depends_on  | [d]                       | {"d":{"condition":"service_started","required":true}}
            healthcheck | {test: curl x}            | {"test":["CMD-SHELL","curl x"]}
            command     | echo "a b" c              | ["echo","a b","c"]
            entrypoint  | ""                        | []
            build       | ./ctx                     | {"context":"DIR/ctx","dockerfile":"Dockerfile"}
            expose      | [80, "81"]                | ["80","81"]
            extra_hosts | {b: 1.1.1.1, a: 2.2.2.2}  | ["a=2.2.2.2","b=1.1.1.1"]
            secrets     | [k]                       | [{"source":"k","target":"/run/secrets/k"}]
            mem_limit   | 1k                        | "1024"
            stop_grace_period | 90s                 | "1m30s"
            """)
    void shortFormsAreMadeLong(String name, String given, String expected) throws IOException {
        String compose = "services:\n  s:\n    image: x\n    " + name + ": " + given + "\n  d:\n    image: d\n"
                + "secrets:\n  k:\n    file: ./k\n";
        ComposeProject project = load(Map.of("compose.yaml", compose), List.of());
        assertThat(attribute(project, name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            environment | {A: "1", B: "1"}       | {B: "2", C: "3"}        | {"A":"1","B":"2","C":"3"}
            command     | [a, b]                 | [c]                     | ["c"]
            ports       | ["80:80"]              | ["81:81", "80:80"]      | [{"mode":"ingress","target":80,"published":"80","protocol":"tcp"},{"mode":"ingress","target":81,"published":"81","protocol":"tcp"}]
            volumes     | ["./a:/x", "./b:/y"]   | ["./c:/x"]              | [{"type":"bind","source":"DIR/c","target":"/x","bind":{"create_host_path":true}},{"type":"bind","source":"DIR/b","target":"/y","bind":{"create_host_path":true}}]
            dns         | [1.1.1.1]              | [8.8.8.8, 1.1.1.1]      | ["1.1.1.1","8.8.8.8"]
            labels      | {a: "1", b: "2"}       | {b: !reset null}        | {"a":"1"}
            environment | {A: "1"}               | !override {B: "2"}      | {"B":"2"}
            ports       | ["80:80"]              | !reset []               | null
            user        | one                    | two                     | "two"
            """)
    void laterFilesMergeByTheSpecificationsRules(String name, String base, String override, String expected)
            throws IOException {
        String first = "services:\n  s:\n    image: x\n    " + name + ": " + base + "\n";
        String second = "services:\n  s:\n    " + name + ": " + override + "\n";
        ComposeProject project = load(Map.of("a.yaml", first, "b.yaml", second), List.of("a.yaml", "b.yaml"));
        assertThat(attribute(project, name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `services:\\n  s:\\n    image: x\\n    ports: [\\"a:b\\"]`          | compose.yaml:4: services.s.ports
            `services:\\n  s:\\n    image: ${X:?set X}`                      | compose.yaml:3: services.s.image: required variable X is missing a value: set X
            `services:\\n  s:\\n    image: x\\n    read_only: maybe`          | compose.yaml:4: services.s.read_only: must be a boolean
            `services:\\n  s:\\n    image: x\\n    mem_limit: lots`           | compose.yaml:4: services.s.mem_limit: invalid size: lots
            `services:\\n  s:\\n    image: x\\n    stop_grace_period: soon`   | compose.yaml:4: services.s.stop_grace_period: invalid duration: soon
            `services:\\n  s:\\n    image: x\\n    depends_on: [t]`           | compose.yaml:4: services.s.depends_on: service "s" depends on undefined service "t"
            `services:\\n  s:\\n    image: x\\n    network_mode: host\\n    networks: [n]\\nnetworks:\\n  n: {}` | compose.yaml:4: services.s: service s declares mutually exclusive
            `services:\\n  s:\\n    extends: s`                              | services.s.extends: circular reference with extends: s -> s
            `services:\\n  s:\\n    image: x\\n  s:\\n    image: y`           | compose.yaml:4: yaml: mapping key "s" already defined at line 2
            `services: [a`                                                 | compose.yaml:1: yaml:
            """)
    void errorsNameFileLineAndAttribute(String compose, String expected) throws IOException {
        // The failing file's text comes with the error, for the line and caret the CLI shows.
        String text = compose.replace("\\n", "\n").replace("\\\"", "\"");
        assertThatThrownBy(() -> load(Map.of("compose.yaml", text), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(failure -> assertThat(((InvalidInputException) failure).diagnostics().getFirst()
                        .headline().replace(directory + "/", "")).contains(expected))
                .satisfies(failure -> assertThat(((InvalidInputException) failure).source()).isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Upper", "with space", "-lead", "a.b"})
    void aGivenProjectNameMustAlreadyBeValid(String name) throws IOException {
        Files.writeString(directory.resolve("compose.yaml"), "services:\n  s:\n    image: x\n");
        assertThatThrownBy(() -> ProjectLoader.load(new ProjectOptions(directory, List.of(), Optional.of(name),
                Optional.empty(), List.of(), List.of(), Map.of(), true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("invalid project name \"" + name
                        + "\": must consist only of lowercase alphanumeric characters");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"My_Project.Name, my_projectname", "__x-Y, x-y", "a b c, abc"})
    void aNameFromTheFileOrDirectoryIsNormalized(String raw, String expected) {
        assertThat(ComposeFileLocator.normalizedName(raw)).isEqualTo(expected);
    }
}
