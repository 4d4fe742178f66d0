package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth build} end to end, in process, with a Dockerfile that needs no RUN. */
class BuildCommandTest {

    @TempDir
    Path directory;

    private Path context;
    private Path root;

    @BeforeEach
    void context() throws IOException {
        context = Files.createDirectories(directory.resolve("app"));
        root = directory.resolve("store");
        Files.writeString(context.resolve("hello.txt"), "hello\n");
        Files.writeString(context.resolve("Dockerfile"), """
                FROM scratch
                LABEL org.example.kind=demo
                COPY hello.txt /srv/
                WORKDIR /srv
                ENV GREETING=hi
                CMD ["cat", "hello.txt"]
                """);
        Files.writeString(context.resolve("MyDockerfile"), "FROM scratch\nCOPY hello.txt /other\n");
    }

    @Test
    void buildsTagsAndReportsPlainProgress() throws IOException {
        Path iid = directory.resolve("iid");

        CliRun result = CliRun.of("build", "--root", root.toString(), "-t", "my-custom-image", "--iidfile", iid.toString(),
                "--progress=plain", context.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("#1 [stage-0 1/6] FROM scratch", "#3 [stage-0 3/6] COPY hello.txt /srv/",
                "#6 [stage-0 6/6] CMD [\"cat\", \"hello.txt\"]", "#6 DONE ", "naming to docker.io/library/my-custom-image:latest done");
        String imageId = Files.readString(iid, StandardCharsets.UTF_8);
        assertThat(imageId).startsWith("sha256:").hasSize(71);
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            assertThat(store.images().resolve("docker.io/library/my-custom-image:latest")).isPresent();
        }
    }

    @Test
    void rebuildIsCachedAndQuietPrintsOnlyTheId() {
        CliRun.of("build", "--root", root.toString(), "-q", context.toString());

        CliRun again = CliRun.of("build", "--root", root.toString(), "--progress=plain", context.toString());
        CliRun quiet = CliRun.of("build", "--root", root.toString(), "-q", context.toString());

        assertThat(again.err()).contains("#2 CACHED", "#3 CACHED", "#6 CACHED");
        assertThat(quiet.out()).matches("sha256:[0-9a-f]{64}\\R");
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void progressQuietPrintsOnlyTheIdLikeDashQ() {
        CliRun quiet = CliRun.of("build", "--root", root.toString(), "--progress=quiet", context.toString());

        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.out()).matches("sha256:[0-9a-f]{64}\\R");
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void progressTtyLeavesTheFinalFrameThenTheSummary() {
        CliRun result = CliRun.of("build", "--root", root.toString(), "--progress=tty", "-t", "app:1", context.toString());

        assertThat(result.exitCode()).isZero();
        String screen = result.err().replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
        assertThat(screen).contains("[+] Building ", " (6/6) FINISHED\n", " => [stage-0 3/6] COPY hello.txt /srv/ ",
                " => exporting to image\n => => writing image sha256:",
                " => => naming to docker.io/library/app:1 done\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void failedStepIsMarkedInTheFinalFrameAboveTheError() throws IOException {
        // A source in another stage is only known missing when the step runs (the context's are refused before).
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch AS empty\nFROM scratch\nCOPY --from=empty missing.txt /x\n");

        CliRun result = CliRun.of("build", "--root", root.toString(), "--progress=tty", context.toString());

        String screen = result.err().replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
        assertThat(result.exitCode()).isNotZero();
        assertThat(screen).containsSubsequence(" => ERROR [stage-1 2/2] COPY --from=empty missing.txt /x",
                "Dockerfile:3: \"missing.txt\": not found in stage 0");
    }

    @Test
    void findingsAreSummedUpAfterTheBuildAsBuildKitDoes() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nMAINTAINER someone\nCOPY hello.txt /\nCMD cat /hello.txt\n");

        CliRun plain = CliRun.of("build", "--root", root.toString(), "--progress=plain", "-t", "app:1", context.toString());
        CliRun tty = CliRun.of("build", "--root", root.toString(), "--progress=tty", context.toString());
        CliRun quiet = CliRun.of("build", "--root", root.toString(), "-q", context.toString());

        String summary = """
                naming to docker.io/library/app:1 done

                 2 warnings found (use docker --debug to expand):
                 - MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 2)
                 - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 4)
                """;
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.err()).endsWith(summary);
        assertThat(tty.err().replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "")).endsWith(summary.substring(summary.indexOf('\n') + 1));
        // -q prints the image ID only, as docker build -q.
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void aDockerfileWithoutFindingsGetsNoSummary() {
        CliRun result = CliRun.of("build", "--root", root.toString(), "--progress=plain", context.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).doesNotContain("found (use docker --debug to expand)");
    }

    @Test
    void unknownProgressModeIsRefused() {
        CliRun result = CliRun.of("build", "--root", root.toString(), "--progress=fancy", context.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("unknown progress mode \"fancy\" (from --progress): use auto, plain, tty or quiet");
    }

    @Test
    void otherDockerfileWithDashF() {
        CliRun result = CliRun.of("buildx", "build", "--root", root.toString(), "-f", context.resolve("MyDockerfile").toString(),
                "-t", "other:1", "--progress=plain", context.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("COPY hello.txt /other", "naming to docker.io/library/other:1 done");
    }

    @Test
    void otherPlatformIsAClearError() {
        CliRun result = CliRun.of("build", "--root", root.toString(), "--platform", "linux/s390x", context.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("cannot build for platform linux/s390x: Berth builds for the host platform only");
    }

    @Test
    void dockerfileErrorPointsAtItsLine() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY missing.txt /x\n");

        CliRun result = CliRun.of("build", "--root", root.toString(), context.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("Dockerfile:2: \"missing.txt\": not found in the build context");
    }

    @Test
    void localOutputWritesTheFileSystem() throws IOException {
        Path out = directory.resolve("out");

        CliRun result = CliRun.of("build", "--root", root.toString(), "-q", "--output", "type=local,dest=" + out, context.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("srv/hello.txt"))).isEqualTo("hello\n");
    }

    @Test
    void builderPruneEmptiesTheCacheAndTheCacheMounts() throws IOException {
        CliRun.of("build", "--root", root.toString(), "-q", context.toString());
        Path mount = Files.createDirectories(root.resolve("cache/mounts").resolve("a".repeat(64)).resolve("pkg"));
        Files.writeString(mount.resolve("downloaded"), "x".repeat(2048));

        CliRun prune = CliRun.of("builder", "prune", "--root", root.toString(), "-f");
        CliRun again = CliRun.of("build", "--root", root.toString(), "--progress=plain", context.toString());

        assertThat(prune.out()).isEqualTo("Deleted build cache entries: 5\nDeleted cache mounts: 1\n"
                + "Total reclaimed space: " + ByteSize.format(2048) + "\n");
        assertThat(root.resolve("cache/mounts").resolve("a".repeat(64))).doesNotExist();
        assertThat(again.err()).doesNotContain("CACHED");
    }

    @Test
    void aRequiredSecretNotGivenPointsAtItsLine() throws IOException {
        Files.writeString(context.resolve("Secret.Dockerfile"), "FROM scratch\nRUN --mount=type=secret,id=npm,required cat /run/secrets/npm\n");
        Path other = Files.writeString(directory.resolve("other-secret"), "x");

        CliRun result = CliRun.of("buildx", "build", "--root", root.toString(), "-q", "--secret", "id=other,src=" + other,
                "-f", context.resolve("Secret.Dockerfile").toString(), context.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Secret.Dockerfile:2: secret \"npm\" is required but was not provided",
                "pass it with --secret id=npm,src=FILE (or ,env=VARIABLE)");
    }

    @Test
    void aMalformedSecretIsAUsageError() {
        CliRun result = CliRun.of("build", "--root", root.toString(), "--secret", "id=x,kind=file", context.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("invalid --secret id=x,kind=file: unexpected key \"kind\"");
    }
}
