package dev.berth.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Proves the fixtures: the test dockerd runs the busybox image and round-trips it through the local registry. */
@ExtendWith(IntegrationFixtures.class)
class DockerOracleIT {

    @Test
    void importedBusyboxImageRunsEcho(DockerEngine docker, BaseImages images) {
        Path rootfs = timed("building or finding the busybox rootfs", images::busyboxRootfs);
        System.out.printf("dockerd ready in %d ms (%s)%n", docker.startup().toMillis(),
                docker.ownsDaemon() ? "started" : "attached");

        String id = timed("docker import", () -> docker.importRootfs(rootfs, "busybox:test"));
        CommandResult run = timed("docker run echo", () -> docker.docker(
                "run", "--rm", "--network", "none", "busybox:test", "echo", "hello"));

        assertThat(id).startsWith("sha256:");
        assertThat(run.orThrow().stdout()).isEqualTo("hello\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/bin/docker", "/usr/local/bin/docker"})
    void eachInstalledDockerCliTalksToTheEngine(String cli, DockerEngine docker) {
        assumeTrue(Files.isExecutable(Path.of(cli)), cli + " is not installed");

        CommandResult version = HostCommand.of(cli, "version", "--format", "{{.Server.APIVersion}}")
                .withEnvironment(docker.environment()).run();

        // dockerd 20.10 speaks API 1.41; the newer CLI negotiates down to it.
        assertThat(version.orThrow().stdout()).isEqualTo("1.41\n");
    }

    @Test
    void busyboxImageKnowsRootAndNobody(DockerEngine docker, BaseImages images) {
        docker.importRootfs(images.busyboxRootfs(), "busybox:test");

        CommandResult nobody = docker.docker("run", "--rm", "--network", "none", "--user", "nobody",
                "busybox:test", "sh", "-c", "id -u; id -g; ls -d /tmp; stat -c %a /tmp");

        assertThat(nobody.orThrow().stdout()).isEqualTo("65534\n65534\n/tmp\n1777\n");
    }

    @Test
    void pushesToTheLocalRegistryAndPullsBack(DockerEngine docker, LocalRegistry registry, BaseImages images) {
        String imported = docker.importRootfs(images.busyboxRootfs(), "busybox:test");
        String remote = registry.address() + "/oracle/busybox:test";
        docker.docker("tag", "busybox:test", remote).orThrow();

        timed("docker push", () -> docker.docker("push", remote).orThrow());
        docker.docker("rmi", remote).orThrow();
        timed("docker pull", () -> docker.docker("pull", remote).orThrow());

        String pulled = docker.docker("image", "inspect", "--format", "{{.Id}}", remote).orThrow().stdout().strip();
        assertThat(pulled).isEqualTo(imported);
        assertThat(registry.storage().resolve("docker/registry/v2/repositories/oracle/busybox")).isDirectory();
        assertThat(docker.docker("run", "--rm", "--network", "none", remote, "echo", "pulled").orThrow().stdout())
                .isEqualTo("pulled\n");
    }

    @Test
    void registryWithBasicAuthRefusesAnonymousPushesAndAcceptsLogin(DockerEngine docker, BaseImages images,
                                                                   @TempDir Path workDir) {
        var credentials = new BasicCredentials("berth", "s3cret");
        docker.importRootfs(images.busyboxRootfs(), "busybox:test");
        try (var registry = LocalRegistry.startWithBasicAuth(workDir, credentials)) {
            String remote = registry.address() + "/private/busybox:test";
            docker.docker("tag", "busybox:test", remote).orThrow();

            CommandResult anonymous = docker.docker("push", remote);
            docker.docker("login", "--username", "berth", "--password", "s3cret", registry.address()).orThrow();
            CommandResult authenticated = docker.docker("push", remote);
            docker.docker("logout", registry.address()).orThrow();

            assertThat(anonymous.exitCode()).isNotZero();
            assertThat(anonymous.stderr() + anonymous.stdout()).contains("no basic auth credentials");
            assertThat(authenticated.orThrow().stdout()).contains("digest: sha256:");
        }
    }

    @Test
    void debianMinbaseImageRuns(DockerEngine docker, BaseImages images) throws Exception {
        Path rootfs = timed("building or finding the Debian minbase rootfs", images::debianRootfs);
        timed("docker import (Debian)", () -> docker.importRootfs(rootfs, "debian:test"));

        CommandResult run = docker.docker("run", "--rm", "--network", "none", "debian:test", "cat", "/etc/debian_version");

        assertThat(Files.size(rootfs)).isGreaterThan(50_000_000L);
        assertThat(run.orThrow().stdout()).startsWith("12.");
    }

    private static <T> T timed(String what, Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        System.out.printf("%s took %d ms%n", what, Duration.ofNanos(System.nanoTime() - start).toMillis());
        return result;
    }
}
