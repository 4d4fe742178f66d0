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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Login, logout, and pull and push with stored credentials against docker-registry with htpasswd basic auth. */
@ExtendWith(IntegrationFixtures.class)
class RegistryAuthIT {

    private static final BasicCredentials USER = new BasicCredentials("berth", "correct horse");

    @TempDir
    static Path shared;

    @TempDir
    Path home;

    private static LocalRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = LocalRegistry.startWithBasicAuth(shared.resolve("registry"), USER);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private Berth open(String store) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("HOME", home.toString());
        environment.remove("DOCKER_CONFIG");
        environment.remove("REGISTRY_AUTH_FILE");
        environment.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        environment.put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        return Berth.open(Settings.builder().root(home.resolve(store)).environment(environment)
                .runtimeState(home.resolve("state")).build());
    }

    @Test
    void aWrongPasswordIsAClear401NamingTheRegistryAndNothingIsStored() {
        try (Berth berth = open("store")) {
            assertThatThrownBy(() -> berth.registries().login(LoginRequest.builder(USER.username(), "wrong")
                    .registry(registry.address()).build()))
                    .isInstanceOf(TransferException.class)
                    .hasMessageContaining("401 Unauthorized")
                    .hasMessageContaining(registry.address())
                    .hasMessageNotContaining("wrong");
        }
        assertThat(home.resolve(".docker/config.json")).doesNotExist();
    }

    @Test
    void withoutCredentialsAPullIsRefusedWithTheRegistrysCode() {
        try (Berth berth = open("store")) {
            assertThatThrownBy(() -> berth.registries().pull(
                    PullRequest.builder(registry.address() + "/berth/private:1").build(), TransferListener.NONE))
                    .isInstanceOf(TransferException.class)
                    .hasMessageContaining("pulling " + registry.address() + "/berth/private:1")
                    .hasMessageContaining("401 Unauthorized")
                    .hasMessageContaining("UNAUTHORIZED");
        }
    }

    @Test
    void aLoginIsCheckedStoredAndUsedByPushAndPullUntilLogout(BaseImages images) throws IOException {
        String name = registry.address() + "/berth/private:1";
        try (Berth berth = open("source")) {
            LoginResult login = berth.registries().login(LoginRequest.builder(USER.username(), USER.password())
                    .registry("http://" + registry.address() + "/").build());
            assertThat(login.registry()).isEqualTo(registry.address());
            Path config = home.resolve(".docker/config.json");
            assertThat(login.storedIn()).isEqualTo(config.toString());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
            assertThat(Files.readString(config)).doesNotContain(USER.password());
            try (InputStream rootfs = Files.newInputStream(images.busyboxRootfs())) {
                berth.importRootfs(ImportRequest.tarball(rootfs).reference(name).build());
            }
            berth.registries().push(PushRequest.builder(name).build(), TransferListener.NONE);
        }
        try (Berth berth = open("target")) {
            assertThat(berth.registries().pull(PullRequest.builder(name).build(), TransferListener.NONE)).hasSize(1);
            assertThat(berth.registries().logout(java.util.Optional.of(registry.address()))).isTrue();
            assertThat(berth.registries().logout(java.util.Optional.of(registry.address()))).isFalse();
            assertThatThrownBy(() -> berth.registries().pull(PullRequest.builder(name).build(), TransferListener.NONE))
                    .hasMessageContaining("401");
        }
    }

    @Test
    void aLoginGoesThroughTheConfiguredCredentialHelper() throws IOException {
        Path store = home.resolve("helper-store");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path helper = bin.resolve("docker-credential-berthit");
        Files.writeString(helper, """
                #!/bin/sh
                case "$1" in
                  get) read url; if [ -s '%1$s' ]; then cat '%1$s'; else echo "credentials not found in native keychain"; exit 1; fi ;;
                  store) cat > '%1$s' ;;
                  erase) read url; rm -f '%1$s' ;;
                esac
                """.formatted(store));
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"),
                "{\"credHelpers\":{\"" + registry.address() + "\":\"berthit\"}}");
        try (Berth berth = open("store")) {
            LoginResult login = berth.registries().login(LoginRequest.builder(USER.username(), USER.password())
                    .registry(registry.address()).build());
            assertThat(login.storedIn()).isEqualTo("credential helper docker-credential-berthit");
            assertThat(Files.readString(store)).contains(USER.password());
            assertThat(Files.readString(home.resolve(".docker/config.json"))).doesNotContain(USER.password());
            assertThatThrownBy(() -> berth.registries().pull(
                    PullRequest.builder(registry.address() + "/berth/none:1").build(), TransferListener.NONE))
                    .hasMessageContaining("MANIFEST_UNKNOWN"); // authenticated through the helper: past the 401
            assertThat(berth.registries().logout(java.util.Optional.of(registry.address()))).isTrue();
            assertThat(store).doesNotExist();
        }
    }
}
