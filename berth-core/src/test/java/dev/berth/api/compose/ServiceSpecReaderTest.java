package dev.berth.api.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.RunMountRequest;
import dev.berth.compose.load.ProjectLoader;
import dev.berth.compose.load.ProjectOptions;
import dev.berth.compose.print.ConfigRenderer;
import dev.berth.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tables of service attributes read into {@link ServiceSpec}: each row is the YAML of service {@code s} in project
 * {@code p} and what one field of its spec reads as; and the attributes {@code up} refuses, each named.
 */
class ServiceSpecReaderTest {

    @TempDir
    Path directory;

    private ProjectSpec read(String services) throws IOException {
        Files.writeString(directory.resolve("compose.yaml"), "services:\n" + services);
        return ServiceSpecReader.read(ProjectLoader.load(new ProjectOptions(directory, List.of(), Optional.of("p"),
                Optional.empty(), List.of(), List.of(), Map.of("HOME", "/home/u"), true)),
                List.of(directory.resolve("compose.yaml")));
    }

    private static final Map<String, Function<ServiceSpec, Object>> FIELDS = Map.ofEntries(
            Map.entry("image", ServiceSpec::image),
            Map.entry("command", s -> s.command().map(Object::toString).orElse("-")),
            Map.entry("entrypoint", s -> s.entrypoint().map(Object::toString).orElse("-")),
            Map.entry("environment", s -> s.environment().toString()),
            Map.entry("publish", s -> s.publish().toString()),
            Map.entry("networks", s -> s.networks().stream().map(n -> n.name() + n.aliases() + n.ipv4Address()
                    .orElse("")).toList().toString()),
            Map.entry("networkMode", s -> s.networkMode().orElse("-")),
            Map.entry("scale", s -> Integer.toString(s.scale())),
            Map.entry("pull", s -> s.pull().toString()),
            Map.entry("stopGrace", s -> s.stopGrace().map(Duration::toString).orElse("-")),
            Map.entry("dependsOn", s -> new java.util.TreeMap<>(s.dependsOn()).toString()),
            Map.entry("healthcheck", s -> s.healthcheck().map(h -> h.test() + " " + h.interval().orElse(null)
                    + " " + h.retries().orElse(0) + " " + h.disabled()).orElse("-")),
            Map.entry("mounts", s -> s.mounts().stream().map(ServiceSpecReaderTest::mount).toList().toString()),
            Map.entry("extraHosts", s -> s.extraHosts().toString()),
            Map.entry("memory", s -> s.memory().isPresent() ? Long.toString(s.memory().getAsLong()) : "-"),
            Map.entry("capAdd", s -> s.capAdd().toString()),
            Map.entry("init", s -> Boolean.toString(s.init())),
            Map.entry("build", s -> s.build().map(b -> b.context().getFileName() + " " + b.args() + " "
                    + b.target().orElse("-")).orElse("-")));

    private static String mount(RunMountRequest mount) {
        return switch (mount) {
            case RunMountRequest.Bind bind -> "bind " + bind.source().getFileName() + ">" + bind.target()
                    + (bind.readOnly() ? " ro" : "");
            case RunMountRequest.Volume volume -> "volume " + volume.name().orElse("anon") + ">" + volume.target()
                    + (volume.noCopy() ? " nocopy" : "");
            case RunMountRequest.Tmpfs tmpfs -> "tmpfs " + tmpfs.target() + tmpfs.options();
        };
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            '  s: {image: busybox}'                                           | image       | busybox
            '  s: {build: ./ctx}'                                             | image       | p-s
            '  s: {image: busybox, command: echo hi there}'                   | command     | [echo, hi, there]
            '  s: {image: busybox, command: [sh, -c, "echo $$HOME"]}'         | command     | [sh, -c, echo $HOME]
            '  s: {image: busybox}'                                           | command     | -
            '  s: {image: busybox, entrypoint: [sh, -c]}'                     | entrypoint  | [sh, -c]
            '  s: {image: busybox, environment: [A=1, B=]}'                   | environment | [A=1, B=]
            '  s: {image: busybox, environment: {A: 1, UNSET: null}}'         | environment | [A=1]
            '  s: {image: busybox, ports: ["8080:80"]}'                       | publish     | [8080:80/tcp]
            '  s: {image: busybox, ports: ["127.0.0.1:8080:80/udp"]}'         | publish     | [127.0.0.1:8080:80/udp]
            '  s: {image: busybox, ports: ["80"]}'                            | publish     | [80/tcp]
            '  s: {image: busybox, ports: ["127.0.0.1::80"]}'                 | publish     | [127.0.0.1::80/tcp]
            '  s: {image: busybox, ports: ["9000-9001:90-91"]}'               | publish     | [9000:90/tcp, 9001:91/tcp]
            '  s: {image: busybox}'                                           | networks    | [p_default[]]
            '  s: {image: busybox, network_mode: host}'                       | networks    | []
            '  s: {image: busybox, network_mode: host}'                       | networkMode | host
            '  s: {image: busybox, network_mode: "service:x"}\n  x: {image: busybox}' | networkMode | service:x
            '  s: {image: busybox, network_mode: "service:x"}\n  x: {image: busybox}' | dependsOn   | {x=Dependency[condition=SERVICE_STARTED, required=true, restart=true]}
            '  s: {image: busybox, network_mode: "container:web"}'            | networkMode | container:web
            '  s: {image: busybox, network_mode: "container:web"}'            | networks    | []
            '  s: {image: busybox, scale: 3}'                                 | scale       | 3
            '  s: {image: busybox, deploy: {replicas: 2}}'                    | scale       | 2
            '  s: {image: busybox}'                                           | pull        | MISSING
            '  s: {image: busybox, pull_policy: always}'                      | pull        | ALWAYS
            '  s: {image: busybox, pull_policy: build, build: .}'             | pull        | BUILD
            '  s: {image: busybox, stop_grace_period: 1m30s}'                 | stopGrace   | PT1M30S
            '  s: {image: busybox, stop_grace_period: 1.5s}'                  | stopGrace   | PT1.5S
            '  s: {image: busybox, extra_hosts: ["a:1.2.3.4"]}'               | extraHosts  | [a:1.2.3.4]
            '  s: {image: busybox, mem_limit: 64m}'                           | memory      | 67108864
            '  s: {image: busybox, cap_add: [NET_ADMIN]}'                     | capAdd      | [NET_ADMIN]
            '  s: {image: busybox, init: true}'                               | init        | true
            '  s: {image: busybox, tmpfs: [/run, "/tmp:size=64m"]}'           | mounts      | [tmpfs /run[], tmpfs /tmp[size=64m]]
            '  s: {image: busybox, volumes: ["./d:/d:ro"]}'                   | mounts      | [bind d>/d ro]
            '  s: {image: busybox, volumes: [/anon]}'                         | mounts      | [volume anon>/anon]
            '  s: {build: {context: ., args: {A: b}, target: t}}'             | build       | '{A=b} t'
            """)
    void readsAttribute(String yaml, String field, String expected) throws IOException {
        Files.createDirectories(directory.resolve("ctx"));
        Files.createDirectories(directory.resolve("d"));
        ServiceSpec spec = read(yaml.replace("\\n", "\n") + "\n").services().get("s");
        String actual = FIELDS.get(field).apply(spec).toString();
        if (field.equals("build")) {
            actual = actual.substring(actual.indexOf(' ') + 1);
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void namedVolumesDependenciesHealthchecksAndNetworksAreReadWithTheirNames() throws IOException {
        Files.writeString(directory.resolve("compose.yaml"), """
                services:
                  db:
                    image: busybox
                    healthcheck: {test: [CMD, "true"], interval: 2s, retries: 3}
                    volumes: ["data:/var/lib/data:nocopy"]
                    networks: {back: {aliases: [database], ipv4_address: 10.90.0.5}}
                  web:
                    image: busybox
                    depends_on: {db: {condition: service_healthy, restart: true}}
                    networks: [back, front]
                volumes: {data: {}}
                networks: {back: {}, front: {name: custom}}
                """);
        ProjectSpec project = ServiceSpecReader.read(ProjectLoader.load(new ProjectOptions(directory, List.of(),
                Optional.of("p"), Optional.empty(), List.of(), List.of(), Map.of(), true)), List.of());
        ServiceSpec db = project.services().get("db");
        ServiceSpec web = project.services().get("web");

        assertThat(FIELDS.get("mounts").apply(db)).isEqualTo("[volume p_data>/var/lib/data nocopy]");
        assertThat(FIELDS.get("healthcheck").apply(db)).isEqualTo("[CMD, true] PT2S 3 false");
        assertThat(FIELDS.get("networks").apply(db)).isEqualTo("[p_back[database]10.90.0.5]");
        assertThat(FIELDS.get("networks").apply(web)).isEqualTo("[p_back[], custom[]]");
        assertThat(web.dependsOn().get("db")).isEqualTo(new ServiceSpec.Dependency(
                ServiceSpec.Condition.SERVICE_HEALTHY, true, true));
        assertThat(project.volumes().get("data").name()).isEqualTo("p_data");
        assertThat(project.networks().get("front").name()).isEqualTo("custom");
        assertThat(web.configHash()).isEqualTo(ConfigRenderer.hashes(ProjectLoader.load(new ProjectOptions(directory,
                List.of(), Optional.of("p"), Optional.empty(), List.of(), List.of(), Map.of(), true)), List.of("web"))
                .split(" ")[1].strip());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            '  s: {image: busybox, privileged: true}'       | services.s.privileged: not supported by berth compose up
            '  s: {image: busybox, devices: [/dev/fuse]}'   | services.s.devices: not supported by berth compose up
            '  s: {image: busybox, network_mode: "pod:x"}' | network_mode: pod:x is not supported
            '  s: {image: busybox, network_mode: "service:x", hostname: h}' | services.s.hostname: conflicting options: hostname and the network mode
            '  s: {image: busybox, network_mode: "service:x", ports: ["80:80"]}' | services.s.ports: conflicting options: port publishing and the container type network mode
            '  s: {image: busybox, network_mode: "container:x", expose: ["80"]}' | services.s.expose: conflicting options: port exposing and the container type network mode
            '  s: {image: busybox, network_mode: "container:x", extra_hosts: ["a:10.0.0.1"]}' | services.s.extra_hosts: conflicting options: custom host-to-IP mapping and the network mode
            """)
    void refusesWhatUpCannotRunNamingTheAttribute(String yaml, String message) {
        assertThatThrownBy(() -> read(yaml + "\n  x: {image: busybox}\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("compose.yaml:").hasMessageContaining(message);
    }

    @Test
    void swarmOnlyDeployKeysWarn() throws IOException {
        ProjectSpec project = read("  s:\n    image: busybox\n    deploy: {replicas: 2, placement: {constraints: [a==b]}}\n");

        assertThat(project.warnings()).contains("services.s.deploy.placement: ignored, it is used by Swarm only");
        assertThat(project.services().get("s").scale()).isEqualTo(2);
    }
}
