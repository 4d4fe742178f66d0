package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.ContainerConfigFacts;
import dev.berth.api.ContainerDetails;
import dev.berth.api.ContainerHealth;
import dev.berth.api.ContainerSummary;
import dev.berth.api.PortBinding;
import dev.berth.api.RestartPolicy;
import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The container inspect document of a fixed {@link ContainerDetails} against a golden file (Docker 20.10's member
 * order, zero values where Berth has no fact), and {@code --format} templates over it.
 */
class ContainerDocumentTest {

    static final String ID = "3f4c1e2d5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d";
    static final String IMAGE = "sha256:e8789f29eada524bc2e1ca9eb14bba5c27f5303671715ba8430273e6cca58ee5";

    static ContainerDetails details() {
        Instant created = Instant.parse("2026-12-07T10:00:00.123456789Z");
        ContainerSummary summary = new ContainerSummary(ID, "web", "busybox", Digest.parse(IMAGE),
                List.of("sleep", "300"), created, "running", "Up 5 seconds (healthy)", OptionalInt.empty(),
                Map.of("k", "v", "a.b", "c"), "bridge,front", List.of("0.0.0.0:5000->5000/tcp"), Optional.of("healthy"));
        ContainerHealth health = new ContainerHealth("healthy", 0, List.of(new ContainerHealth.Probe(
                Instant.parse("2026-12-07T10:00:01Z"), Instant.parse("2026-12-07T10:00:01.5Z"), 0, "ok\n")));
        ContainerConfigFacts facts = new ContainerConfigFacts("3f4c1e2d5a6b", "", List.of("PATH=/bin", "A=1"), "/", false,
                "SIGTERM", OptionalInt.empty(), false, "front", List.of(), List.of("db:10.0.0.9"),
                List.of(new ContainerConfigFacts.Mount("volume", "data", "/var/lib/berth/volumes/data/_data", "/data",
                                false, false),
                        new ContainerConfigFacts.Mount("bind", "", "/srv/conf", "/conf", true, false),
                        new ContainerConfigFacts.Mount("tmpfs", "", "", "/scratch", false, false)),
                List.of(new PortBinding(5000, "tcp", "0.0.0.0", 5000)),
                List.of(new ContainerConfigFacts.Endpoint("front", "9a" + "0".repeat(62), List.of("www"), "10.89.1.2",
                                24, "10.89.1.1"),
                        new ContainerConfigFacts.Endpoint("bridge", "b" + "1".repeat(63), List.of(), "10.88.0.5", 16,
                                "10.88.0.1")));
        return new ContainerDetails(summary, Optional.of(Instant.parse("2026-12-07T10:00:00.5Z")), Optional.empty(),
                OptionalLong.of(4242), new RestartPolicy.OnFailure(OptionalInt.of(3)), 1, List.of("CMD-SHELL", "true"),
                Optional.of(health), facts);
    }

    @Test
    void documentIsDockersContainerJsonInDockersOrder() throws IOException {
        assertThat(GoJson.indent(ContainerDocument.forContainer(details())) + "\n").isEqualTo(golden("container.json"));
    }

    @Test
    void detailsWithoutFactsGiveDockersZeroValues() {
        ContainerDetails bare = details();
        ContainerDetails none = new ContainerDetails(bare.summary(), bare.startedAt(), bare.finishedAt(), bare.pid(),
                bare.restartPolicy(), bare.restartCount(), List.of(), Optional.empty());
        String json = GoJson.compact(ContainerDocument.forContainer(none));
        assertThat(json).contains("\"Mounts\":[]", "\"Env\":null", "\"Networks\":{}", "\"Ports\":{}",
                "\"Binds\":null", "\"IPAddress\":\"\"").doesNotContain("Health");
    }

    @Test
    void theEntrypointCmdAndExposedPortsAreDockers() {
        ContainerDetails base = details();
        ContainerConfigFacts f = base.config();
        var facts = new ContainerConfigFacts(f.hostname(), f.user(), f.env(), f.workingDir(), f.tty(), f.stopSignal(),
                f.stopTimeout(), f.autoRemove(), "default", f.dns(), f.extraHosts(), f.mounts(), List.of(),
                f.networks(), Optional.of(new ContainerConfigFacts.Command(List.of("/entry.sh"), List.of())),
                List.of("443/tcp", "5000/tcp", "80/tcp"));
        var details = new ContainerDetails(base.summary(), base.startedAt(), base.finishedAt(), base.pid(),
                base.restartPolicy(), base.restartCount(), base.healthTest(), base.health(), facts);
        String json = GoJson.compact(ContainerDocument.forContainer(details));
        assertThat(json).contains("\"ExposedPorts\":{\"443/tcp\":{},\"5000/tcp\":{},\"80/tcp\":{}}",
                "\"Cmd\":null", "\"Entrypoint\":[\"/entry.sh\"]", "\"NetworkMode\":\"default\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {{.State.Health.Status}}                                     | healthy
            {{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}    | 10.88.0.5 10.89.1.2
            {{.NetworkSettings.Networks.front.IPAddress}}                | 10.89.1.2
            {{json .Config.Labels}}                                      | {"a.b":"c","k":"v"}
            {{index .Config.Labels "k"}}                                 | v
            {{.HostConfig.RestartPolicy.Name}}                           | on-failure
            {{json .NetworkSettings.Ports}}                              | {"5000/tcp":[{"HostIp":"0.0.0.0","HostPort":"5000"}]}
            {{json .NetworkSettings.Networks.front.Aliases}}             | ["www","3f4c1e2d5a6b"]
            {{.NetworkSettings.IPAddress}}                               | 10.88.0.5
            {{.State.Pid}} {{.RestartCount}} {{.Name}}                   | 4242 1 /web
            """)
    void templatesRenderOverTheDocument(String template, String expected) {
        assertThat(GoTemplate.parse(template.strip()).render(ContainerDocument.forContainer(details())).strip())
                .isEqualTo(expected);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ContainerDocumentTest.class.getResourceAsStream("/inspect/" + name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
