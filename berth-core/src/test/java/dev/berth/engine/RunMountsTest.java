package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.BuildRequest;
import dev.berth.api.Secret;
import dev.berth.api.TestBuilds;
import dev.berth.error.InvalidInputException;
import dev.berth.error.UnsupportedFeatureException;
import dev.berth.event.ProgressListener;
import dev.berth.image.Digest;
import dev.berth.sandbox.HostMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code RUN --mount}: what the engine hands the RUN executor for each mount type, and the cache key. */
class RunMountsTest {

    @TempDir
    Path directory;

    private static final Secret TOKEN = new Secret.FromValue("s3cr3t-value".getBytes(StandardCharsets.UTF_8));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            type=bind,source=src,target=/src                | /         | CONTEXT/src      | /src         | true
            type=bind,src=src/a.txt,dst=/a                  | /         | CONTEXT/src/a.txt | /a          | true
            target=ctx                                      | /app      | CONTEXT          | /app/ctx     | true
            type=bind,source=./src/../src,target=/s,ro      | /         | CONTEXT/src      | /s           | true
            type=bind,source=link-to-src,target=/l          | /         | CONTEXT/src      | /l           | true
            type=bind,source=abs-link,target=/l             | /         | CONTEXT/src      | /l           | true
            type=tmpfs,target=/t                            | /         | -                | /t           | false
            type=tmpfs,target=t,size=1m                     | /w        | -                | /w/t         | false
            """)
    void eachMountBecomesOneHostMount(String flag, String workdir, String source, String target, boolean readOnly)
            throws IOException {
        try (BuildFixture fixture = contextWithSources()) {
            fixture.build("FROM scratch\nWORKDIR " + workdir + "\nRUN --mount=" + flag + " make\n");

            HostMount mount = fixture.runs.invocations.getFirst().mounts().getFirst();
            String context = fixture.context.toRealPath().toString();
            assertThat(mount.source().map(Path::toString).orElse("-")).isEqualTo(source.replace("CONTEXT", context));
            assertThat(mount.target()).isEqualTo(target);
            assertThat(mount.readOnly()).isEqualTo(readOnly);
            assertThat(mount.tmpfsSize()).isEqualTo(flag.contains("size=1m") ? OptionalLong.of(1 << 20) : OptionalLong.empty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            type=bind,source=../etc,target=/e            | Dockerfile:2: mount source "../etc" is outside the build context
            type=bind,source=src/../../x,target=/e       | Dockerfile:2: mount source "src/../../x" is outside the build context
            type=bind,source=nothing,target=/e           | Dockerfile:2: mount source "nothing" not found in the build context
            type=bind,source=host-etc,target=/e          | Dockerfile:2: mount source "host-etc" not found in the build context
            type=bind,target=/                           | Dockerfile:2: a mount target cannot be the root directory
            type=secret,id=missing,required=true         | Dockerfile:2: secret "missing" is required but was not provided
            type=cache,target=/c,source=../up            | Dockerfile:2: cache mount source "../up" climbs out of the cache
            """)
    void wrongMountsAreErrorsAtTheirLine(String flag, String message) throws IOException {
        try (BuildFixture fixture = contextWithSources()) {
            assertThatThrownBy(() -> fixture.build("FROM scratch\nRUN --mount=" + flag + " make\n"))
                    .isInstanceOf(InvalidInputException.class).hasMessage(fixture.context + "/" + message);
            assertThat(fixture.runs.invocations).isEmpty();
        }
    }

    @Test
    void aMissingRequiredSecretSaysHowToPassIt() throws IOException {
        try (BuildFixture fixture = contextWithSources()) {
            assertThatThrownBy(() -> fixture.build("FROM scratch\nRUN --mount=type=secret,id=npm,required make\n"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.diagnostics().getFirst().hint())
                            .contains("pass it with --secret id=npm,src=FILE (or ,env=VARIABLE)"));
        }
    }

    @Test
    void mountValuesExpandTheStagesVariablesAsBuildKitDoes() throws IOException {
        try (BuildFixture fixture = contextWithSources()) {
            fixture.build("""
                    FROM scratch AS tools
                    FROM scratch
                    ARG CACHE=/var/cache/apt DIR=src STAGE=tools
                    ENV TOKEN_ID=npm
                    RUN --mount=type=cache,target=${CACHE} --mount=source=$DIR,target=/in/$DIR --mount=from=$STAGE,target=/t make
                    """);

            List<HostMount> mounts = fixture.runs.invocations.getFirst().mounts();
            assertThat(mounts).extracting(HostMount::target).containsExactly("/var/cache/apt", "/in/src", "/t");
            assertThat(mounts.getFirst().source().orElseThrow().getFileName().toString())
                    .isEqualTo(Digest.sha256("/var/cache/apt".getBytes(StandardCharsets.UTF_8)).hex());
            assertThat(mounts.get(1).source().orElseThrow()).isEqualTo(fixture.context.toRealPath().resolve("src"));
        }
    }

    @Test
    void sshIsRefusedBeforeAnythingRunsNamingTheLine() throws IOException {
        try (BuildFixture fixture = contextWithSources()) {
            assertThatThrownBy(() -> fixture.build("FROM scratch\nRUN true\nRUN --mount=type=ssh git clone x\n"))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage(fixture.context + "/Dockerfile:3: RUN --mount=type=ssh is not supported: Berth does not forward an SSH agent "
                            + "into RUN steps yet");
            assertThat(fixture.runs.invocations).isEmpty();

            fixture.build("FROM scratch AS unused\nRUN --mount=type=ssh git clone x\nFROM scratch\nRUN make\n");
            assertThat(fixture.runs.invocations).as("a stage the target does not need is not refused").hasSize(1);
        }
    }

    @Test
    void aWritableBindIsAThrowawayCopyRemovedAfterTheStep() throws IOException {
        List<String> seen = new ArrayList<>();
        try (BuildFixture fixture = contextWithSources()) {
            RunStepExecutor writes = invocation -> {
                Path copy = invocation.mounts().getFirst().source().orElseThrow();
                try {
                    Files.writeString(copy.resolve("a.txt"), "changed");
                    seen.add(copy.toString());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                return Optional.empty();
            };
            build(fixture, writes, "FROM scratch\nRUN --mount=type=bind,source=src,target=/src,rw make\n", Map.of());

            assertThat(Files.readString(fixture.context.resolve("src/a.txt"))).isEqualTo("a");
            assertThat(seen.getFirst()).startsWith(fixture.store.paths().cache().toString()).endsWith("bind-0");
            assertThat(Path.of(seen.getFirst())).doesNotExist();
        }
    }

    @Test
    void aContextWithAnIgnoreFileIsBoundAsWhatTheBuildMaySee() throws IOException {
        List<String> seen = new ArrayList<>();
        try (BuildFixture fixture = contextWithSources().file(".dockerignore", "src/secret.key\n")
                .file("src/secret.key", "private")) {
            RunStepExecutor lists = invocation -> {
                try (var files = Files.list(invocation.mounts().getFirst().source().orElseThrow())) {
                    files.map(path -> path.getFileName().toString()).sorted().forEach(seen::add);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                return Optional.empty();
            };
            build(fixture, lists, "FROM scratch\nRUN --mount=type=bind,source=src,target=/src make\n", Map.of());

            assertThat(seen).containsExactly("a.txt", "b.txt");
        }
    }

    @Test
    void aCacheMountIsAPersistentDirectoryOfItsIdWithItsModeAndOwner() throws IOException {
        try (BuildFixture fixture = contextWithSources()) {
            fixture.build("""
                    FROM scratch
                    RUN --mount=type=cache,target=/root/.cache make
                    RUN --mount=type=cache,id=gradle,target=/g,mode=0700,uid=1000,gid=1001,sharing=locked make
                    RUN --mount=type=cache,target=/r,ro,sharing=private make
                    """);

            Path mounts = fixture.store.paths().cache().resolve("mounts");
            Path byTarget = mounts.resolve(Digest.sha256("/root/.cache".getBytes(StandardCharsets.UTF_8)).hex());
            Path gradle = mounts.resolve(Digest.sha256("gradle".getBytes(StandardCharsets.UTF_8)).hex());
            List<HostMount> used = fixture.runs.invocations.stream().map(run -> run.mounts().getFirst()).toList();
            assertThat(used).containsExactly(HostMount.bind(byTarget, "/root/.cache", false), HostMount.bind(gradle, "/g", false),
                    HostMount.bind(mounts.resolve(Digest.sha256("/r".getBytes(StandardCharsets.UTF_8)).hex()), "/r", true));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(byTarget))).isEqualTo("rwxr-xr-x");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(gradle))).isEqualTo("rwx------");
            assertThat(Files.getAttribute(gradle, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1000);
            assertThat(Files.getAttribute(gradle, "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1001);
        }
    }

    @Test
    void aSecretIsAFileOfItsModeDuringTheStepOnlyAndNeverInKeyHistoryOrStore() throws IOException {
        List<String> seen = new ArrayList<>();
        try (BuildFixture fixture = contextWithSources()) {
            RunStepExecutor reads = invocation -> {
                HostMount mount = invocation.mounts().getFirst();
                Path file = mount.source().orElseThrow();
                try {
                    seen.add(mount.target() + " " + mount.readOnly() + " "
                            + PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) + " " + Files.readString(file));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                seen.add(file.toString());
                return Optional.empty();
            };
            String dockerfile = "FROM scratch\nRUN --mount=type=secret,id=token cat /run/secrets/token\n";
            var result = build(fixture, reads, dockerfile, Map.of("token", TOKEN));
            var again = build(fixture, reads, dockerfile, Map.of("token",
                    new Secret.FromValue("another".getBytes(StandardCharsets.UTF_8))));

            assertThat(seen).hasSize(2);
            assertThat(seen.getFirst()).isEqualTo("/run/secrets/token true r-------- s3cr3t-value");
            assertThat(Path.of(seen.get(1))).doesNotExist();
            assertThat(again.imageId()).as("a secret's value is not part of the cache key").isEqualTo(result.imageId());
            assertThat(fixture.config(result).history().getLast().createdBy())
                    .isEqualTo("RUN /bin/sh -c cat /run/secrets/token # buildkit");
            assertThat(filesContaining(fixture.store.paths().root(), "s3cr3t-value")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            type=secret,id=token                          | /         | /run/secrets/token | -
            type=secret,target=/root/token                | /         | /root/token        | -
            type=secret,id=token,target=cfg/t             | /w        | /w/cfg/t           | -
            type=secret,id=token,env=NPM_TOKEN            | /         | -                  | NPM_TOKEN=s3cr3t-value
            type=secret,id=token,env=T,target=/etc/t      | /         | /etc/t             | T=s3cr3t-value
            """)
    void aSecretTakesBuildKitsDefaults(String flag, String workdir, String target, String env) throws IOException {
        try (BuildFixture fixture = contextWithSources()) {
            fixture.build("FROM scratch\nWORKDIR " + workdir + "\nRUN --mount=" + flag + " make\n",
                    request -> request.secrets(Map.of("token", TOKEN)));

            RunInvocation run = fixture.runs.invocations.getFirst();
            assertThat(run.mounts()).extracting(HostMount::target).containsExactlyElementsOf(
                    target.equals("-") ? List.of() : List.of(target));
            assertThat(run.mounts()).allMatch(HostMount::readOnly);
            assertThat(run.process().env().stream().filter(e -> e.contains("s3cr3t")).toList())
                    .containsExactlyElementsOf(env.equals("-") ? List.of() : List.of(env));
        }
    }

    @Test
    void aSecretAsEnvironmentVariableReachesOnlyTheProcess() throws IOException {
        try (BuildFixture fixture = contextWithSources()) {
            fixture.build("FROM scratch\nRUN --mount=type=secret,id=token,env=TOKEN make\n"
                    + "RUN --mount=type=secret,id=absent make\n", request -> request.secrets(Map.of("token", TOKEN)));

            RunInvocation run = fixture.runs.invocations.getFirst();
            assertThat(run.mounts()).isEmpty();
            assertThat(run.process().env()).contains("TOKEN=s3cr3t-value");
            assertThat(fixture.runs.invocations.get(1).mounts()).as("an optional secret not given is skipped").isEmpty();
        }
    }

    @Test
    void theKeyFollowsTheBoundContentButNotTheCacheMountsOrSecrets() throws IOException {
        try (BuildFixture fixture = contextWithSources()) {
            String dockerfile = """
                    FROM scratch
                    RUN --mount=type=bind,source=src,target=/src --mount=type=cache,target=/c make
                    RUN --mount=type=cache,target=/c --mount=type=secret,id=token,env=T make again
                    """;
            fixture.build(dockerfile);
            fixture.build(dockerfile, request -> request.secrets(Map.of("token", TOKEN)));
            assertThat(fixture.cachedSteps()).isEqualTo(2);
            Files.writeString(fixture.store.paths().cache().resolve("mounts")
                    .resolve(Digest.sha256("/c".getBytes(StandardCharsets.UTF_8)).hex()).resolve("f"), "cache content");
            fixture.build(dockerfile);
            assertThat(fixture.cachedSteps()).isEqualTo(2);

            fixture.file("src/b.txt", "b changed");
            fixture.build(dockerfile);

            assertThat(fixture.cachedSteps()).isZero();
        }
    }

    @Test
    void aBindFromAStageWaitsForItAndIsKeyedByIt() throws IOException {
        try (BuildFixture fixture = contextWithSources()) {
            String dockerfile = """
                    FROM scratch AS tools
                    COPY src/a.txt /bin/tool
                    FROM scratch
                    RUN --mount=type=bind,from=tools,source=/bin,target=/tools make
                    """;
            fixture.build(dockerfile);

            HostMount mount = fixture.runs.invocations.getFirst().mounts().getFirst();
            assertThat(mount.source().orElseThrow().toString()).endsWith("/rootfs/stage-0/bin");
            assertThat(mount).extracting(HostMount::target, HostMount::readOnly).containsExactly("/tools", true);

            fixture.file("src/a.txt", "a changed");
            fixture.build(dockerfile);
            assertThat(fixture.runs.invocations).as("the stage changed, so the RUN that binds it runs again").hasSize(2);
        }
    }

    private BuildFixture contextWithSources() throws IOException {
        BuildFixture fixture = new BuildFixture(directory).file("src/a.txt", "a").file("src/b.txt", "b");
        Files.createSymbolicLink(fixture.context.resolve("link-to-src"), Path.of("src"));
        Files.createSymbolicLink(fixture.context.resolve("abs-link"), Path.of("/src"));
        Files.createSymbolicLink(fixture.context.resolve("host-etc"), Path.of("/etc"));
        return fixture;
    }

    private static dev.berth.api.BuildResult build(BuildFixture fixture, RunStepExecutor runs, String dockerfile,
            Map<String, Secret> secrets) throws IOException {
        fixture.file("Dockerfile", dockerfile);
        return TestBuilds.build(fixture.store, runs, Clock.fixed(BuildFixture.NOW, ZoneOffset.UTC),
                BuildRequest.builder(fixture.context).secrets(secrets).build(), ProgressListener.NONE);
    }

    /** Every file under {@code root} whose bytes contain {@code text}. */
    static List<Path> filesContaining(Path root, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(file -> {
                try {
                    return indexOf(Files.readAllBytes(file), needle) >= 0;
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
