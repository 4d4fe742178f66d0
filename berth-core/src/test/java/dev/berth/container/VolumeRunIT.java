package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.Berth;
import dev.berth.api.ContainerNetwork;
import dev.berth.api.HostOptions;
import dev.berth.api.ImportRequest;
import dev.berth.api.MountFlags;
import dev.berth.api.RunMountRequest;
import dev.berth.api.RunRequest;
import dev.berth.api.Settings;
import dev.berth.api.VolumeSummary;
import dev.berth.error.ConflictException;
import dev.berth.store.StoreLayout;
import dev.berth.testing.BaseImages;
import dev.berth.testing.IntegrationFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Volumes, mounts, {@code --init}, limits and capabilities end to end (root, runc, conmon): a busybox image
 * imported, containers run in the foreground and detached through the façade, what they see checked from inside.
 */
@ExtendWith(IntegrationFixtures.class)
class VolumeRunIT {

    @TempDir
    Path root;
    @TempDir
    Path state;
    @TempDir
    Path streams;
    @TempDir
    Path host;
    private StoreLayout layout;

    @BeforeEach
    void importBusybox(BaseImages images) throws IOException {
        layout = StoreLayout.resolve(Optional.of(root), Map.of(), 0);
        try (Berth berth = open(); InputStream in = Files.newInputStream(images.busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(in).reference("busybox:test").changes(List.of("CMD [\"sh\"]",
                    "VOLUME /data")).message("test").build());
        }
    }

    @AfterEach
    void removeContainers() {
        try (Berth berth = open()) {
            berth.containers().list(true).forEach(container -> berth.containers().remove(container.id(), true, true));
        }
    }

    @Test
    void aNamedVolumeKeepsDataAcrossContainers() throws IOException {
        assertThat(run(List.of("sh", "-c", "echo kept > /srv/file"), host(MountFlags.volumeFlag("keep:/srv")))).isZero();
        assertThat(run(List.of("cat", "/srv/file"), host(MountFlags.volumeFlag("keep:/srv")))).isZero();
        assertThat(out()).isEqualTo("kept\n");
    }

    @Test
    void aNewNamedVolumeShowsTheImagesContentAtItsMountPoint() throws IOException {
        assertThat(run(List.of("sh", "-c", "stat -c '%a %u' /etc/passwd /etc; cat /etc/passwd | head -1"),
                host(MountFlags.volumeFlag("etc:/etc")))).isZero();
        assertThat(out()).isEqualTo("644 0\n755 0\nroot:x:0:0:root:/root:/bin/sh\n");
        try (Berth berth = open()) {
            VolumeSummary etc = berth.volumes().inspect("etc");
            assertThat(etc.mountpoint().resolve("passwd")).isRegularFile();
            assertThat(etc.anonymous()).isFalse();
        }
    }

    @Test
    void theImagesVolumeGetsAnAnonymousVolumeThatGoesWithTheForegroundContainer() throws IOException {
        assertThat(run(List.of("sh", "-c", "mount | grep -c ' /data '"), HostOptions.defaults())).isZero();
        assertThat(out()).isEqualTo("1\n");
        try (Berth berth = open()) {
            assertThat(berth.volumes().list()).isEmpty();
        }
    }

    @Test
    void aReadOnlyBindIsReadableAndNotWritable() throws IOException {
        Files.writeString(host.resolve("greeting"), "from the host\n");
        int exit = run(List.of("sh", "-c", "cat /h/greeting; touch /h/new"), host(MountFlags.volumeFlag(host + ":/h:ro")));
        assertThat(exit).isEqualTo(1);
        assertThat(out()).isEqualTo("from the host\n");
        assertThat(err()).contains("Read-only file system");
        assertThat(host.resolve("new")).doesNotExist();
    }

    @Test
    void aReadOnlyRootRefusesWritesButATmpfsTakesThem() throws IOException {
        HostOptions options = host(MountFlags.tmpfsFlag("/tmp")).withReadOnly(true);
        assertThat(run(List.of("sh", "-c", "touch /x 2>/dev/null && echo root writable; touch /tmp/x && echo tmp ok"),
                options)).isZero();
        assertThat(out()).isEqualTo("tmp ok\n");
    }

    @Test
    void initIsPidOneAndASleepStopsAtOnceOnSigterm() throws IOException {
        assertThat(run(List.of("cat", "/proc/1/cmdline"), HostOptions.defaults().withInit(true))).isZero();
        assertThat(out()).isEqualTo("/sbin/docker-init\0--\0cat\0/proc/1/cmdline\0");
        try (Berth berth = open()) {
            var container = berth.containers().run(
                    request(List.of("sleep", "1000"), HostOptions.defaults().withInit(true)), Optional.empty(), Map.of(),
                    false);
            long start = System.nanoTime();
            var stopped = berth.containers().stop(container.id(), Optional.of(Duration.ofSeconds(20)));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(stopped.exitCode()).hasValue(143);
        }
    }

    @Test
    void aPidsLimitMakesForksFail() throws IOException {
        int exit = run(List.of("sh", "-c", "for i in 1 2 3 4 5 6 7 8 9 10; do sleep 5 & done; echo all started"),
                HostOptions.defaults().withPidsLimit(OptionalLong.of(5)));
        assertThat(exit).isNotZero();
        assertThat(err()).contains("can't fork");
        assertThat(out()).doesNotContain("all started");
    }

    @Test
    void memoryAndCpuLimitsReachTheContainersCgroup() throws IOException {
        HostOptions limits = HostOptions.defaults().withMemory(OptionalLong.of(64L << 20), OptionalLong.empty())
                .withCpus(java.util.OptionalDouble.of(0.5));
        assertThat(run(List.of("sh", "-c", "cat /sys/fs/cgroup/memory/memory.limit_in_bytes "
                + "/sys/fs/cgroup/cpu/cpu.cfs_quota_us"), limits)).isZero();
        assertThat(out()).isEqualTo((64L << 20) + "\n50000\n");
    }

    @Test
    void dropingAllCapabilitiesStopsChown() throws IOException {
        assertThat(run(List.of("chown", "nobody", "/tmp"), HostOptions.defaults().withCapabilities(List.of(), List.of("ALL"))))
                .isEqualTo(1);
        assertThat(err()).contains("Operation not permitted");
        assertThat(run(List.of("chown", "nobody", "/tmp"), HostOptions.defaults())).isZero();
    }

    @Test
    void aVolumeInUseIsNotRemovedAndRmVolumesTakesTheAnonymousOnes() {
        try (Berth berth = open()) {
            var container = berth.containers().run(
                    request(List.of("sleep", "1000"), host(MountFlags.volumeFlag("busy:/srv"))), Optional.empty(),
                    Map.of(), false);
            assertThatThrownBy(() -> berth.volumes().remove("busy", false)).isInstanceOf(ConflictException.class)
                    .hasMessage("remove busy: volume is in use - [" + container.id() + "]");
            assertThat(berth.volumes().prune(true).removed()).isEmpty();
            List<VolumeSummary> anonymous = berth.volumes().list().stream().filter(VolumeSummary::anonymous).toList();
            assertThat(anonymous).hasSize(1);
            berth.containers().remove(container.id(), true, true);
            assertThat(berth.volumes().list()).extracting(VolumeSummary::name).containsExactly("busy");
            berth.volumes().remove("busy", false);
            assertThat(berth.volumes().list()).isEmpty();
        }
    }

    @Test
    void startAfterStopMountsTheSameVolumeAndStopTimeoutIsTheContainersOwn() {
        try (Berth berth = open()) {
            HostOptions options = host(MountFlags.volumeFlag("again:/srv")).withStop(Optional.empty(), java.util.OptionalInt.of(1));
            var container = berth.containers().run(
                    request(List.of("sh", "-c", "echo run >> /srv/log; sleep 1000"), options), Optional.empty(),
                    Map.of(), false);
            long start = System.nanoTime();
            assertThat(berth.containers().stop(container.id(), Optional.empty()).exitCode())
                    .as("sh ignores SIGTERM as PID 1").hasValue(137);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
            berth.containers().start(container.id());
            Path log = berth.volumes().inspect("again").mountpoint().resolve("log");
            awaitContent(log, "run\nrun\n");
            berth.containers().remove(container.id(), true, true);
            assertThat(berth.volumes().list()).extracting(VolumeSummary::name).containsExactly("again");
        }
    }

    @Test
    void aRmContainerDropsItsAnonymousVolumesWhenItExits() throws InterruptedException {
        try (Berth berth = open()) {
            berth.containers().run(request(List.of("true"), HostOptions.defaults()), Optional.empty(), Map.of(), true);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((!berth.containers().list(true).isEmpty() || !berth.volumes().list().isEmpty())
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(berth.containers().list(true)).isEmpty();
            assertThat(berth.volumes().list()).as("the image's /data volume went with it").isEmpty();
        }
    }

    private static void awaitContent(Path file, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String content = "";
        while (System.nanoTime() < deadline) {
            try {
                content = Files.readString(file);
            } catch (IOException notYet) {
                content = "";
            }
            if (content.equals(expected.translateEscapes())) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(content).isEqualTo(expected.translateEscapes());
    }

    private static HostOptions host(RunMountRequest mount) {
        return HostOptions.defaults().withMounts(List.of(mount));
    }

    private RunRequest request(List<String> args, HostOptions options) {
        return RunRequest.builder("busybox:test").command(args).network(ContainerNetwork.NONE).host(options)
                .streams(new RunRequest.Streams.ToFiles(streams.resolve("out"), streams.resolve("err"))).build();
    }

    private int run(List<String> args, HostOptions options) {
        try (Berth berth = open()) {
            return berth.run(request(args, options)).exitCode();
        }
    }

    private Berth open() {
        return Berth.open(Settings.builder().root(layout == null ? root : layout.root()).environment(Map.of())
                .runtimeState(state).runtime("runc").clock(Clock.systemUTC()).build());
    }

    private String out() throws IOException {
        return Files.readString(streams.resolve("out"));
    }

    private String err() throws IOException {
        return Files.readString(streams.resolve("err"));
    }
}
