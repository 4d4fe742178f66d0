package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ContainerNetwork;
import dev.berth.api.ImportRequest;
import dev.berth.api.RunRequest;
import dev.berth.api.Settings;
import dev.berth.store.StoreLayout;
import dev.berth.testing.BaseImages;
import dev.berth.testing.IntegrationFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth run} end to end (root, runc): a busybox rootfs imported, containers run, nothing left behind. */
@ExtendWith(IntegrationFixtures.class)
class RunCommandIT {

    @TempDir
    Path root;
    @TempDir
    Path state;
    @TempDir
    Path streams;
    private StoreLayout layout;

    @BeforeEach
    void importBusybox(BaseImages images) throws IOException {
        layout = StoreLayout.resolve(Optional.of(root), Map.of(), 0);
        try (Berth berth = Berth.open(Settings.builder().root(layout.root()).clock(Clock.systemUTC()).build()); InputStream in = Files.newInputStream(images.busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(in).reference("busybox:test").changes(List.of("CMD [\"sh\"]"))
                    .message("test").build());
        }
    }

    @Test
    void echoPrintsOnStdoutAndExitsZero() throws IOException {
        assertThat(run(request(List.of("echo", "hello")))).isZero();
        assertThat(out()).isEqualTo("hello\n");
        assertThat(err()).isEmpty();
        assertNothingLeft();
    }

    @Test
    void exitCodeIsPassedThrough() throws IOException {
        assertThat(run(request(List.of("sh", "-c", "exit 3")))).isEqualTo(3);
        assertNothingLeft();
    }

    @Test
    void stderrStaysOnStderr() throws IOException {
        assertThat(run(request(List.of("sh", "-c", "echo out; echo oops >&2")))).isZero();
        assertThat(out()).isEqualTo("out\n");
        assertThat(err()).isEqualTo("oops\n");
    }

    @Test
    void envWorkdirAndUserApply() throws IOException {
        RunRequest request = builder(List.of("sh", "-c", "echo $GREETING; pwd; id -u; hostname"))
                .env(List.of("GREETING=hi")).workingDir("/tmp/work").user("nobody").hostname("box").build();
        assertThat(run(request)).isZero();
        assertThat(out()).isEqualTo("hi\n/tmp/work\n65534\nbox\n");
        assertNothingLeft();
    }

    @Test
    void theDefaultSeccompFilterDeniesANewUserNamespaceWithEperm() throws IOException {
        assertThat(run(request(List.of("unshare", "-U", "true")))).isEqualTo(1);
        assertThat(err()).isEqualTo("unshare: unshare(0x10000000): Operation not permitted\n");
        assertNothingLeft();
    }

    @Test
    void seccompUnconfinedLetsTheSameCallThrough() throws IOException {
        RunRequest unconfined = builder(List.of("unshare", "-U", "true")).seccomp(false).build();
        assertThat(run(unconfined)).isZero();
        assertThat(err()).isEmpty();
    }

    private RunRequest request(List<String> args) {
        return builder(args).build();
    }

    private RunRequest.Builder builder(List<String> args) {
        return RunRequest.builder("busybox:test").command(args).network(ContainerNetwork.NONE)
                .streams(new RunRequest.Streams.ToFiles(streams.resolve("out"), streams.resolve("err")));
    }

    private int run(RunRequest request) {
        try (Berth berth = Berth.open(Settings.builder().root(layout.root()).environment(Map.of())
                .runtimeState(state).runtime("runc").build())) {
            return berth.run(request).exitCode();
        }
    }

    private String out() throws IOException {
        return Files.readString(streams.resolve("out"));
    }

    private String err() throws IOException {
        return Files.readString(streams.resolve("err"));
    }

    /** No bundle, and no active snapshot (the image's committed layer stays, for the next run). */
    private void assertNothingLeft() throws IOException {
        try (Stream<Path> containers = Files.list(layout.containers())) {
            assertThat(containers).isEmpty();
        }
        try (Stream<Path> snapshotters = Files.list(layout.snapshots())) {
            for (Path active : snapshotters.map(s -> s.resolve("active")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> left = Files.list(active)) {
                    assertThat(left).as(active.toString()).isEmpty();
                }
            }
        }
    }
}
