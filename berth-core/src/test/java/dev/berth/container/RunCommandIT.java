package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.runtime.Stdio;
import dev.berth.sandbox.SandboxNetwork;
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
        try (Berth berth = Berth.open(layout, Clock.systemUTC()); InputStream in = Files.newInputStream(images.busyboxRootfs())) {
            berth.importRootfs(in, Optional.of("busybox:test"), List.of("CMD [\"sh\"]"), "test");
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
        RunRequest request = new RunRequest("busybox:test", Optional.empty(),
                List.of("sh", "-c", "echo $GREETING; pwd; id -u; hostname"), List.of("GREETING=hi"),
                Optional.of("/tmp/work"), Optional.of("nobody"), SandboxNetwork.NONE, Optional.of("box"), false);
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
        RunRequest unconfined = new RunRequest("busybox:test", Optional.empty(), List.of("unshare", "-U", "true"),
                List.of(), Optional.empty(), Optional.empty(), SandboxNetwork.NONE, Optional.empty(), false, false);
        assertThat(run(unconfined)).isZero();
        assertThat(err()).isEmpty();
    }

    private static RunRequest request(List<String> args) {
        return new RunRequest("busybox:test", Optional.empty(), args, List.of(), Optional.empty(), Optional.empty(),
                SandboxNetwork.NONE, Optional.empty(), false);
    }

    private int run(RunRequest request) {
        try (Berth berth = Berth.open(layout, Clock.systemUTC())) {
            return berth.run(request, berth.hostRunSteps(Map.of(), state, Optional.of("runc")),
                    Stdio.toFiles(streams.resolve("out"), streams.resolve("err")));
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
