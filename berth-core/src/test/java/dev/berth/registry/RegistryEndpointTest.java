package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.ImageReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryEndpointTest {

    private static final RegistryConfig CONFIG = new RegistryConfig(Path.of("/none"), List.of("registry.lan:5000", "plain.lan"),
            List.of(), List.of(Path.of("/none")));

    @ParameterizedTest
    @CsvSource({
            "alpine, docker.io, https://registry-1.docker.io, library/alpine",
            "user/app:1, docker.io, https://registry-1.docker.io, user/app",
            "docker.io/library/busybox, docker.io, https://registry-1.docker.io, library/busybox",
            "index.docker.io/library/busybox, docker.io, https://registry-1.docker.io, library/busybox",
            "ghcr.io/owner/app, ghcr.io, https://ghcr.io, owner/app",
            "localhost:5000/app, localhost:5000, http://localhost:5000, app",
            "localhost/app, localhost, http://localhost, app",
            "127.0.0.1:5000/a/b, 127.0.0.1:5000, http://127.0.0.1:5000, a/b",
            "127.1.2.3:80/x, 127.1.2.3:80, http://127.1.2.3:80, x",
            "[::1]:5000/x, [::1]:5000, http://[::1]:5000, x",
            "registry.lan:5000/x, registry.lan:5000, http://registry.lan:5000, x",
            "registry.lan:5001/x, registry.lan:5001, https://registry.lan:5001, x",
            "plain.lan:8443/x, plain.lan:8443, http://plain.lan:8443, x",
            "128.0.0.1:5000/x, 128.0.0.1:5000, https://128.0.0.1:5000, x",
    })
    void aReferenceNamesItsRegistryAsDockerDoes(String text, String domain, String base, String repository) {
        ImageReference reference = ImageReference.parse(text);
        RegistryEndpoint endpoint = RegistryEndpoint.of(reference.domain(), CONFIG);
        assertThat(endpoint.domain()).isEqualTo(domain);
        assertThat(endpoint.base()).hasToString(base);
        assertThat(reference.path()).isEqualTo(repository);
    }
}
