package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where a registry's TLS files are found: Berth's {@code certs.d} first, then Docker's. */
class RegistryConfigTest {

    @TempDir
    Path work;

    static Stream<Arguments> certificates() {
        return Stream.of(
                // domain, directories made (berth, docker), the one used
                Arguments.of("127.0.0.1:5443", true, true, "berth"),
                Arguments.of("127.0.0.1:5443", false, true, "docker"),
                Arguments.of("127.0.0.1:5443", true, false, "berth"),
                Arguments.of("127.0.0.1:5443", false, false, "none"),
                Arguments.of("[::1]:5443", true, false, "berth"));
    }

    @ParameterizedTest
    @MethodSource
    void certificates(String domain, boolean inBerth, boolean inDocker, String used) throws IOException {
        Path config = work.resolve("config");
        Path docker = work.resolve("docker-certs.d");
        String directory = domain.replace("[", "").replace("]", "");
        if (inBerth) {
            Files.createDirectories(config.resolve("certs.d").resolve(directory));
        }
        if (inDocker) {
            Files.createDirectories(docker.resolve(directory));
        }
        RegistryConfig loaded = RegistryConfig.load(Map.of("BERTH_CONFIG_DIR", config.toString()), docker);
        Optional<Path> expected = switch (used) {
            case "berth" -> Optional.of(config.resolve("certs.d").resolve(directory));
            case "docker" -> Optional.of(docker.resolve(directory));
            default -> Optional.empty();
        };
        assertThat(loaded.certificates(domain)).isEqualTo(expected);
        assertThat(loaded.hasCertificates(domain)).isEqualTo(expected.isPresent());
        assertThat(RegistryEndpoint.of(domain, loaded).base().getScheme())
                .as("a loopback registry with certificates of its own is reached over TLS")
                .isEqualTo(expected.isPresent() ? "https" : "http");
    }
}
