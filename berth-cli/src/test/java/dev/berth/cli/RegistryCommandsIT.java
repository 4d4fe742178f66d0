package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ImportRequest;
import dev.berth.api.Settings;
import dev.berth.testing.BaseImages;
import dev.berth.testing.BasicCredentials;
import dev.berth.testing.IntegrationFixtures;
import dev.berth.testing.LocalRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth push} and {@code berth pull} print Docker's lines against the real registry. */
@ExtendWith(IntegrationFixtures.class)
class RegistryCommandsIT {

    @TempDir
    Path work;

    @Test
    void pushAndPullPrintDockersLinesAndQuietPrintsTheReference(LocalRegistry registry, BaseImages images)
            throws IOException {
        String name = registry.address() + "/berth-cli/" + UUID.randomUUID().toString().substring(0, 8) + ":1";
        Path source = work.resolve("source");
        try (Berth berth = Berth.open(Settings.builder().root(source).build());
             InputStream rootfs = Files.newInputStream(images.busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(rootfs).reference(name).build());
        }

        CliRun push = CliRun.of("push", "--root", source.toString(), name);

        assertThat(push.exitCode()).as(push.err()).isZero();
        String[] pushed = push.out().split("\n");
        assertThat(pushed[0]).isEqualTo("The push refers to repository [" + name.substring(0, name.lastIndexOf(':')) + "]");
        assertThat(pushed[1]).matches("[0-9a-f]{12}: Pushed");
        assertThat(pushed[2]).matches("1: digest: sha256:[0-9a-f]{64} size: \\d+");

        Path target = work.resolve("target");
        CliRun pull = CliRun.of("pull", "--root", target.toString(), name);
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(pull.out()).matches("1: Pulling from " + name.substring(0, name.lastIndexOf(':')).replace(".", "\\.")
                + "\n[0-9a-f]{12}: Pull complete\nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for "
                + name.replace(".", "\\.") + "\n" + name.replace(".", "\\.") + "\n");

        CliRun quiet = CliRun.of("pull", "-q", "--root", target.toString(), name);
        assertThat(quiet.out()).isEqualTo(name + "\n");

        // The pull recorded the registry's digest, as Docker does: inspect, images --digests, rmi by digest.
        String repository = name.substring(0, name.lastIndexOf(':'));
        String digest = pull.out().lines().filter(line -> line.startsWith("Digest: ")).findFirst().orElseThrow()
                .substring("Digest: ".length());
        assertThat(pushed[2]).contains(digest);
        CliRun inspect = CliRun.of("inspect", "--root", target.toString(), "--format", "{{json .RepoDigests}}", name);
        assertThat(inspect.out()).isEqualTo("[\"" + repository + "@" + digest + "\"]\n");
        CliRun listed = CliRun.of("images", "--digests", "--root", target.toString(), repository);
        assertThat(listed.out().lines().toList()).hasSize(2).first().asString().startsWith("REPOSITORY").contains("DIGEST");
        assertThat(listed.out().lines().toList().get(1)).matches(repository.replace(".", "\\.")
                + " +1 +" + digest + " +[0-9a-f]{12} .*");
        CliRun untag = CliRun.of("rmi", "--root", target.toString(), repository + "@" + digest);
        assertThat(untag.out()).as(untag.err()).isEqualTo("Untagged: " + repository + "@" + digest + "\n");
        assertThat(CliRun.of("images", "-q", "--root", target.toString(), repository).out()).hasLineCount(1);

        CliRun missing = CliRun.of("pull", "--root", target.toString(), registry.address() + "/berth-cli/none:1");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("MANIFEST_UNKNOWN").contains(registry.address() + "/berth-cli/none:1");
    }

    @Test
    void pushAllTagsPushesEveryStoredTagOfTheRepositoryAndNamesTheRepositoryOnce(LocalRegistry registry,
            BaseImages images) throws IOException {
        String repository = registry.address() + "/berth-cli/" + UUID.randomUUID().toString().substring(0, 8);
        Path source = work.resolve("source");
        try (Berth berth = Berth.open(Settings.builder().root(source).build());
             InputStream rootfs = Files.newInputStream(images.busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(rootfs).reference(repository + ":1").build());
            berth.tag(repository + ":1", repository + ":2");
            berth.tag(repository + ":1", repository + "-other:3");
        }

        CliRun push = CliRun.of("push", "-a", "--root", source.toString(), repository);

        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(push.out().lines().toList()).satisfiesExactly(
                line -> assertThat(line).isEqualTo("The push refers to repository [" + repository + "]"),
                line -> assertThat(line).matches("[0-9a-f]{12}: Pushed"),
                line -> assertThat(line).matches("1: digest: sha256:[0-9a-f]{64} size: \\d+"),
                line -> assertThat(line).matches("[0-9a-f]{12}: Layer already exists"),
                line -> assertThat(line).matches("2: digest: sha256:[0-9a-f]{64} size: \\d+"));
        assertThat(CliRun.of("pull", "--root", work.resolve("target").toString(), repository + ":2").exitCode()).isZero();
        assertThat(CliRun.of("pull", "--root", work.resolve("target").toString(), repository + "-other:3").exitCode())
                .as("a tag of another repository is not pushed").isNotZero();

        CliRun tagged = CliRun.of("push", "-a", "--root", source.toString(), repository + ":1");
        assertThat(tagged.exitCode()).isNotZero();
        assertThat(tagged.err()).contains("tag can't be used with --all-tags/-a");
        CliRun none = CliRun.of("push", "--all-tags", "--root", source.toString(), repository + "-none");
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.err()).contains("An image does not exist locally with the tag: " + repository + "-none");
    }
    @Test
    void overTlsWithBasicAuthLoginRefusesAWrongPasswordWithThe401ThenPushPullAndLogoutWork(BaseImages images)
            throws Exception {
        BasicCredentials user = new BasicCredentials("berth", "cli horse");
        try (LocalRegistry registry = LocalRegistry.startWithTlsAndBasicAuth(work.resolve("registry"), user)) {
            Path config = work.resolve("config");
            // Docker's /etc/docker/certs.d/HOST:PORT/ca.crt, in Berth's configuration directory.
            Path certs = Files.createDirectories(config.resolve("certs.d").resolve(registry.address()));
            Files.copy(registry.authority().orElseThrow().caCertificate(), certs.resolve("ca.crt"));
            Map<String, String> env = Map.of("HOME", work.resolve("home").toString(), "BERTH_CONFIG_DIR", config.toString(),
                    "DOCKER_CONFIG", work.resolve("docker").toString());
            String name = registry.address() + "/berth-cli/tls:1";
            Path source = work.resolve("source");
            CliProcess.importImage(source, images.busyboxRootfs(), name);
            CliProcess berth = new CliProcess(work, source).withEnv(env);

            CliProcess.Outcome wrong = berth.run("login", "-u", user.username(), "-p", "wrong horse", registry.address());
            assertThat(wrong.exit()).isNotZero();
            assertThat(wrong.err()).contains("401 Unauthorized").contains(registry.address()).doesNotContain("wrong horse");
            assertThat(work.resolve("docker/config.json")).doesNotExist();

            CliProcess.Outcome right = berth.run("login", "-u", user.username(), "-p", user.password(), registry.address());
            assertThat(right.exit()).as(right.err()).isZero();
            assertThat(right.out()).isEqualTo("Login Succeeded\n");
            assertThat(berth.run("push", name).exit()).isZero();
            CliProcess target = new CliProcess(work, work.resolve("target")).withEnv(env);
            assertThat(target.run("pull", "-q", name).out()).isEqualTo(name + "\n");

            CliProcess.Outcome logout = berth.run("logout", registry.address());
            assertThat(logout.out()).isEqualTo("Removing login credentials for " + registry.address() + "\n");
            CliProcess.Outcome refused = target.run("pull", name);
            assertThat(refused.exit()).isNotZero();
            assertThat(refused.err()).contains("401 Unauthorized");
        }
    }
}
