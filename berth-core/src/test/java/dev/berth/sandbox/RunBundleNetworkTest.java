package dev.berth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runtime.DockerDefaults;
import dev.berth.runtime.UserSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network part of a container's {@code config.json} per {@link SandboxNetwork}: which namespace it joins, whether
 * Docker's network sysctls are set, and whose {@code /etc} files are bound (another container's for
 * {@code --network container:X}, which writes none of its own).
 */
class RunBundleNetworkTest {

    private static final Path OTHER = Path.of("/store/containers/other");
    private static final SandboxNetwork.Shared SHARED = new SandboxNetwork.Shared(Path.of("/proc/4242/ns/net"),
            OTHER.resolve("resolv.conf"), OTHER.resolve("hostname"), OTHER.resolve("hosts"));

    @TempDir
    Path bundle;

    static Stream<Arguments> networks() {
        return Stream.of(
                // network, namespace path ("" new, "-" none: the host's), sysctls set, /etc files bound from
                Arguments.of(SandboxNetwork.NONE, "", true, "bundle"),
                Arguments.of(SandboxNetwork.HOST, "-", false, "bundle"),
                Arguments.of(new SandboxNetwork.Joined(Path.of("/run/netns/berth-abc"), "nameserver 10.0.0.1\n",
                        "127.0.0.1\tlocalhost\n"), "/run/netns/berth-abc", true, "bundle"),
                Arguments.of(SHARED, "/proc/4242/ns/net", false, OTHER.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void theSpecJoinsTheNamespaceAndBindsTheFilesOfItsNetwork(SandboxNetwork network, String namespace,
            boolean sysctls, String filesFrom) throws IOException {
        write(network);
        JsonNode spec = config();

        assertThat(networkNamespace(spec)).isEqualTo(namespace);
        assertThat(spec.path("linux").path("sysctl").has("net.ipv4.ip_unprivileged_port_start")).isEqualTo(sysctls);
        Path from = filesFrom.equals("bundle") ? bundle : Path.of(filesFrom);
        assertThat(bindSources(spec)).containsExactly(from.resolve("resolv.conf").toString(),
                from.resolve("hostname").toString(), from.resolve("hosts").toString());
        assertThat(Files.exists(bundle.resolve("hosts"))).as("own hosts file").isEqualTo(filesFrom.equals("bundle"));
    }

    @Test
    void aWrittenBundleJoinsAnotherNamespaceWithTheRestOfItsSpecKept() throws IOException {
        write(SHARED);
        JsonNode before = config();

        BundleNetworkNamespace.join(bundle, Path.of("/proc/77/ns/net"));

        JsonNode after = config();
        assertThat(networkNamespace(after)).isEqualTo("/proc/77/ns/net");
        ((com.fasterxml.jackson.databind.node.ObjectNode) networkEntry(after)).put("path", "/proc/4242/ns/net");
        assertThat(after).isEqualTo(before);
    }

    private void write(SandboxNetwork network) {
        var process = DockerDefaults.process(List.of("true"), List.of("PATH=/bin"), new UserSpec(0, 0, List.of()), "/");
        RunBundle.write(bundle, bundle.resolve("rootfs"), process, network, List.of(), "box", Optional.empty());
    }

    private JsonNode config() throws IOException {
        return new ObjectMapper().readTree(Files.readAllBytes(bundle.resolve("config.json")));
    }

    private static String networkNamespace(JsonNode spec) {
        JsonNode entry = networkEntry(spec);
        return entry == null ? "-" : entry.path("path").asText("");
    }

    private static JsonNode networkEntry(JsonNode spec) {
        for (JsonNode namespace : spec.path("linux").path("namespaces")) {
            if (namespace.path("type").asText().equals("network")) {
                return namespace;
            }
        }
        return null;
    }

    private static List<String> bindSources(JsonNode spec) {
        List<String> sources = new ArrayList<>();
        for (JsonNode mount : spec.path("mounts")) {
            String destination = mount.path("destination").asText();
            if (List.of("/etc/resolv.conf", "/etc/hostname", "/etc/hosts").contains(destination)) {
                sources.add(mount.path("source").asText());
            }
        }
        return sources;
    }
}
