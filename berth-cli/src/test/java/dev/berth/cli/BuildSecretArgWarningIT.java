package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth build --build-arg NPM_TOKEN=...} with a RUN that sees it (root, runc): the build warns in BuildKit's
 * summary, naming the arg and the RUN's line and suggesting {@code --secret}, without printing the value, which
 * the history does record. The same app given the token with {@code --secret} gets no such warning.
 */
class BuildSecretArgWarningIT {

    private static final String TOKEN = "npm_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234";

    @TempDir
    Path work;
    private CliProcess berth;
    private Path app;

    @BeforeEach
    void storeWithBusybox() throws IOException {
        Path root = work.resolve("store");
        CliProcess.importImage(root, BaseImages.standard().busyboxRootfs(), "busybox:latest");
        berth = new CliProcess(work, root);
        app = Files.createDirectories(work.resolve("app"));
        Files.writeString(app.resolve("Dockerfile"), """
                FROM busybox:latest
                ARG NPM_TOKEN
                RUN test -n "$NPM_TOKEN"
                USER 1000
                CMD ["true"]
                """);
        Files.writeString(app.resolve("Secret.Dockerfile"), """
                FROM busybox:latest
                RUN --mount=type=secret,id=npm,env=NPM_TOKEN test -n "$NPM_TOKEN"
                USER 1000
                CMD ["true"]
                """);
    }

    @Test
    void aSecretBuildArgReachingRunIsWarnedAboutWithoutItsValue() throws Exception {
        CliProcess.Outcome build = berth.run("build", "--runtime", "runc", "--progress=plain", "-t", "leaky",
                "--build-arg", "NPM_TOKEN=" + TOKEN, app.toString());

        assertThat(build.exit()).as(build.err()).isZero();
        assertThat(build.err()).contains("""

                 2 warnings found (use docker --debug to expand):
                 - SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ARG "NPM_TOKEN") (line 2)
                 - SecretBuildArgInRun: build arg NPM_TOKEN looks like a secret and reaches RUN: its value is recorded in the image history \
                (RUN |1 NPM_TOKEN=…); pass it with --secret id=NPM_TOKEN,env=NPM_TOKEN and \
                RUN --mount=type=secret,id=NPM_TOKEN,env=NPM_TOKEN (line 3)
                """);
        assertThat(build.err() + build.out()).doesNotContain(TOKEN);
        // What the warning is about: the value is in the history.
        assertThat(berth.run("history", "--no-trunc", "leaky").out()).contains("RUN |1 NPM_TOKEN=" + TOKEN);
    }

    @Test
    void theSameAppWithASecretIsNotWarnedAbout() throws Exception {
        CliProcess.Outcome build = berth.withEnv(java.util.Map.of("NPM_TOKEN", TOKEN)).run("build", "--runtime", "runc",
                "--progress=plain", "-t", "tight", "-f", app.resolve("Secret.Dockerfile").toString(),
                "--secret", "id=npm,env=NPM_TOKEN", app.toString());

        assertThat(build.exit()).as(build.err()).isZero();
        assertThat(build.err()).doesNotContain("warning", "NPM_TOKEN=");
        assertThat(berth.run("history", "--no-trunc", "tight").out()).doesNotContain(TOKEN);
    }
}
