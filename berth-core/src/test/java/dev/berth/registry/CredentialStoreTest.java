package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialStoreTest {

    @TempDir
    Path home;

    private Map<String, String> environment() {
        return Map.of("HOME", home.toString(), "XDG_RUNTIME_DIR", home.resolve("run").toString(),
                "PATH", home.resolve("bin") + ":/usr/bin:/bin");
    }

    private void dockerConfig(String json) throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), json);
    }

    private static String auth(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
            "https://index.docker.io/v1/, docker.io",
            "index.docker.io, docker.io",
            "registry-1.docker.io, docker.io",
            "https://ghcr.io, ghcr.io",
            "http://127.0.0.1:5000/v2/, 127.0.0.1:5000",
            "quay.io, quay.io"})
    void authsKeysNameTheirRegistryWithOrWithoutSchemeAndPath(String key, String registry) throws IOException {
        dockerConfig("{\"auths\":{\"" + key + "\":{\"auth\":\"" + auth("me", "s3cret") + "\"}}}");
        assertThat(new CredentialStore(environment()).find(registry)).contains(new RegistryCredentials("me", "s3cret"));
        assertThat(new CredentialStore(environment()).find("other.example")).isEmpty();
    }

    @Test
    void anIdentityTokenIsSentAsARefreshToken() throws IOException {
        dockerConfig("{\"auths\":{\"reg.lan\":{\"identitytoken\":\"refresh-me\"}}}");
        Optional<RegistryCredentials> found = new CredentialStore(environment()).find("reg.lan");
        assertThat(found).contains(new RegistryCredentials("<token>", "refresh-me"));
        assertThat(found.get().isIdentityToken()).isTrue();
    }

    @Test
    void theContainersAuthFileIsReadWhenDockersHasNothing() throws IOException {
        Files.createDirectories(home.resolve("run/containers"));
        Files.writeString(home.resolve("run/containers/auth.json"),
                "{\"auths\":{\"reg.lan:5000\":{\"auth\":\"" + auth("pod", "man") + "\"}}}");
        assertThat(new CredentialStore(environment()).find("reg.lan:5000")).contains(new RegistryCredentials("pod", "man"));
    }

    @Test
    void aCredentialHelperIsAskedThroughItsStdinAndStoresLogins() throws IOException {
        Path store = home.resolve("helper-store");
        helper("berthtest", store);
        dockerConfig("{\"credHelpers\":{\"reg.lan\":\"berthtest\"}}");
        CredentialStore credentials = new CredentialStore(environment());
        assertThat(credentials.find("reg.lan")).isEmpty();

        String where = credentials.save("reg.lan", new RegistryCredentials("alice", "pw with spaces"));

        assertThat(where).isEqualTo("credential helper docker-credential-berthtest");
        assertThat(credentials.find("reg.lan")).contains(new RegistryCredentials("alice", "pw with spaces"));
        assertThat(Files.readString(home.resolve(".docker/config.json"))).doesNotContain("pw with spaces");
        assertThat(credentials.remove("reg.lan")).isTrue();
        assertThat(credentials.find("reg.lan")).isEmpty();
    }

    @Test
    void credsStoreServesEveryRegistryWithoutAHelperOfItsOwn() throws IOException {
        Path store = home.resolve("helper-store");
        helper("berthall", store);
        Files.writeString(store, "{\"ServerURL\":\"https://index.docker.io/v1/\",\"Username\":\"hub\",\"Secret\":\"tok\"}");
        dockerConfig("{\"credsStore\":\"berthall\"}");
        assertThat(new CredentialStore(environment()).find("docker.io")).contains(new RegistryCredentials("hub", "tok"));
    }

    @Test
    void aLoginWithoutHelperGoesToAuthsPrivatelyAndKeepsTheRestOfTheFile() throws IOException {
        dockerConfig("{\"auths\":{\"other.lan\":{\"auth\":\"" + auth("o", "p") + "\"}},\"psFormat\":\"table\"}");
        CredentialStore credentials = new CredentialStore(environment());

        credentials.save("docker.io", new RegistryCredentials("me", "pw"));

        Path file = home.resolve(".docker/config.json");
        String text = Files.readString(file);
        assertThat(text).contains("https://index.docker.io/v1/", "psFormat", "other.lan");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(credentials.find("docker.io")).contains(new RegistryCredentials("me", "pw"));
        assertThat(credentials.remove("docker.io")).isTrue();
        assertThat(credentials.find("docker.io")).isEmpty();
        assertThat(credentials.find("other.lan")).contains(new RegistryCredentials("o", "p"));
        assertThat(credentials.remove("docker.io")).isFalse();
    }

    @Test
    void credentialsNeverShowTheirSecret() {
        RegistryCredentials credentials = new RegistryCredentials("alice", "hunter2");
        assertThat(credentials.toString()).contains("alice").doesNotContain("hunter2");
    }

    /** A helper keeping one credential in a file: get prints it (or fails as helpers do), store writes stdin. */
    private void helper(String name, Path store) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, """
                #!/bin/sh
                case "$1" in
                  get) read url; if [ -s '%1$s' ]; then cat '%1$s'; else echo "credentials not found in native keychain"; exit 1; fi ;;
                  store) cat > '%1$s' ;;
                  erase) read url; rm -f '%1$s' ;;
                esac
                """.formatted(store));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
