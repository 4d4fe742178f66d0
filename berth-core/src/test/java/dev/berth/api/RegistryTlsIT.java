package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.TransferException;
import dev.berth.event.TransferListener;
import dev.berth.testing.BaseImages;
import dev.berth.testing.BasicCredentials;
import dev.berth.testing.IntegrationFixtures;
import dev.berth.testing.LocalRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-registry serving TLS with a certificate from a CA the test makes, and htpasswd basic auth: Berth trusts the
 * CA from {@code certs.d/127.0.0.1:PORT/ca.crt} in its configuration directory, as Docker from
 * {@code /etc/docker/certs.d}.
 */
@ExtendWith(IntegrationFixtures.class)
class RegistryTlsIT {

    private static final BasicCredentials USER = new BasicCredentials("berth", "tls horse");

    @TempDir
    static Path shared;

    @TempDir
    Path home;

    private static LocalRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = LocalRegistry.startWithTlsAndBasicAuth(shared.resolve("registry"), USER);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private Path certsDirectory() {
        return home.resolve("config/certs.d").resolve(registry.address());
    }

    private void trustTheCa() throws IOException {
        Files.createDirectories(certsDirectory());
        Files.copy(registry.authority().orElseThrow().caCertificate(), certsDirectory().resolve("ca.crt"));
    }

    private Berth open(String store) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("HOME", home.toString());
        environment.put("BERTH_CONFIG_DIR", home.resolve("config").toString());
        environment.remove("DOCKER_CONFIG");
        environment.remove("REGISTRY_AUTH_FILE");
        environment.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        return Berth.open(Settings.builder().root(home.resolve(store)).environment(environment)
                .runtimeState(home.resolve("state")).build());
    }

    @Test
    void aCaThatIsNotTrustedFailsTheHandshakeNamingTheRegistry() throws IOException {
        Files.createDirectories(certsDirectory()); // the registry's directory, without its CA: HTTPS, system trust only
        try (Berth berth = open("store")) {
            assertThatThrownBy(() -> berth.registries().login(LoginRequest.builder(USER.username(), USER.password())
                    .registry(registry.address()).build()))
                    .isInstanceOf(TransferException.class)
                    .hasMessageContaining(registry.address())
                    .hasMessageContaining("certificate")
                    .hasMessageNotContaining(USER.password());
        }
        assertThat(home.resolve(".docker/config.json")).doesNotExist();
    }

    @Test
    void overTlsAWrongPasswordIsTheRegistrys401AndTheRightOnePushesAndPullsUntilLogout(BaseImages images)
            throws IOException {
        trustTheCa();
        String name = registry.address() + "/berth/tls:1";
        try (Berth berth = open("source")) {
            assertThatThrownBy(() -> berth.registries().login(LoginRequest.builder(USER.username(), "wrong horse")
                    .registry(registry.address()).build()))
                    .isInstanceOf(TransferException.class)
                    .hasMessageContaining("401 Unauthorized")
                    .hasMessageContaining(registry.address())
                    .hasMessageNotContaining("wrong horse");
            assertThat(home.resolve(".docker/config.json")).doesNotExist();

            assertThat(berth.registries().login(LoginRequest.builder(USER.username(), USER.password())
                    .registry(registry.address()).build()).registry()).isEqualTo(registry.address());
            try (InputStream rootfs = Files.newInputStream(images.busyboxRootfs())) {
                berth.importRootfs(ImportRequest.tarball(rootfs).reference(name).build());
            }
            berth.registries().push(PushRequest.builder(name).build(), TransferListener.NONE);
        }
        // What the push wrote is in the registry's storage: it went through TLS to this registry.
        assertThat(registry.storage().resolve("docker/registry/v2/repositories/berth/tls")).isDirectory();
        try (Berth berth = open("target")) {
            PullResult pulled = berth.registries().pull(PullRequest.builder(name).build(), TransferListener.NONE).getFirst();
            assertThat(berth.inspect(name).repoDigests()).containsExactly(registry.address() + "/berth/tls@" + pulled.digest());
            assertThat(berth.registries().logout(Optional.of(registry.address()))).isTrue();
            assertThatThrownBy(() -> berth.registries().pull(PullRequest.builder(name).build(), TransferListener.NONE))
                    .hasMessageContaining("401 Unauthorized")
                    .hasMessageContaining("berth login " + registry.address());
        }
    }
}
