package dev.berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.berth.error.ExecutionException;
import dev.berth.error.NotFoundException;
import dev.berth.testing.BaseImages;
import dev.berth.testing.HostCommand;

/** Runs bundles made from the busybox root filesystem through real runc. */
class RuncRuntimeIT {

    @TempDir
    Path work;

    private OciRuntime runtime;
    private Path bundle;
    private final List<String> containers = new ArrayList<>();
    private final RuntimeSpecWriter writer = new RuntimeSpecWriter();

    @BeforeEach
    void makeBundle() throws IOException {
        runtime = RuntimeDetector.fromEnvironment(System.getenv(), work.resolve("state")).choose("runc");
        bundle = Files.createDirectories(work.resolve("bundle"));
        Path rootfs = Files.createDirectories(bundle.resolve("rootfs"));
        HostCommand.of("tar", "-xf", BaseImages.standard().busyboxRootfs().toString(), "-C", rootfs.toString())
                .run().orThrow();
    }

    @AfterEach
    void deleteContainers() {
        for (String id : containers) {
            try {
                runtime.delete(id, true);
            } catch (NotFoundException alreadyGone) {
                // `run` removes its container when the process exits; only a failed test leaves one behind.
            }
        }
    }

    @Test
    void runsEchoAndCapturesItsOutput() throws IOException {
        Result result = run(spec(List.of("echo", "hello")));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("hello\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void passesTheProcessExitCodeThrough() throws IOException {
        Result result = run(spec(List.of("sh", "-c", "echo failing >&2; exit 3")));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).isEqualTo("failing\n");
    }

    @Test
    void reportsAProcessKilledBySignalAsOneHundredTwentyEightPlusItsNumber() throws Exception {
        // The process is PID 1 of its namespace, which ignores signals sent from inside: kill it from outside.
        writer.writeBundleConfig(bundle, spec(List.of("sleep", "30")));
        String id = newId();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> exitCode = executor.submit(() -> runtime.run(bundle, id, Stdio.discard()));
            awaitStatus(id, ContainerStatus.RUNNING);
            runtime.kill(id, "KILL");

            assertThat(exitCode.get(10, TimeUnit.SECONDS)).isEqualTo(128 + 9);
        }
    }

    @Test
    void runsAsTheRequestedUserAndGroups() throws IOException {
        RuntimeSpec base = spec(List.of("sh", "-c", "id -u; id -g; id -G"));
        RuntimeSpec spec = base.withProcess(base.process().withUser(new UserSpec(1000, 1001, List.of(20L, 65534L))));

        assertThat(run(spec).stdout()).isEqualTo("1000\n1001\n1001 20 65534\n");
    }

    @Test
    void mountsProcAndSetsTheHostnameInItsOwnNamespaces() throws IOException {
        Result result = run(spec(List.of("sh", "-c",
                "hostname; echo $$; cat /proc/self/comm; grep -c ' /proc proc ' /proc/mounts; cat /proc/kcore | wc -c")));

        // $$ is 1 in a new PID namespace; /proc/kcore is masked by /dev/null, so it reads as empty.
        assertThat(result.stdout()).isEqualTo("berth-test\n1\ncat\n1\n0\n");
    }

    @Test
    void ownNetworkNamespaceHasOnlyLoopbackAndHostNetworkSeesTheHostsInterfaces() throws IOException {
        String hostInterfaces;
        try (var names = Files.list(Path.of("/sys/class/net"))) {
            hostInterfaces = String.join(" ", names.map(p -> p.getFileName().toString()).sorted().toList());
        }
        var process = DockerDefaults.process(List.of("sh", "-c", "ls /sys/class/net | sort | xargs"),
                List.of("PATH=" + DockerDefaults.DEFAULT_PATH), UserSpec.root(), "/");

        Result own = run(DockerDefaults.spec("rootfs", process, "berth-test", false));
        Result host = run(DockerDefaults.spec("rootfs", process, "berth-test", true));

        assertThat(own.stdout()).isEqualTo("lo\n");
        assertThat(host.stdout()).isEqualTo(hostInterfaces + "\n");
    }

    @Test
    void bindMountsAHostFileReadOnly() throws IOException {
        Path hosts = Files.writeString(work.resolve("hosts"), "127.0.0.1 localhost berth-test\n");
        RuntimeSpec spec = spec(List.of("sh", "-c", "cat /etc/hosts; echo x >> /etc/hosts || echo read-only"))
                .withAddedMounts(List.of(MountSpec.bind(hosts, "/etc/hosts", true)));

        Result result = run(spec);

        assertThat(result.stdout()).isEqualTo("127.0.0.1 localhost berth-test\nread-only\n");
        assertThat(Files.readString(hosts)).isEqualTo("127.0.0.1 localhost berth-test\n");
    }

    @Test
    void aMissingProgramIsAnExecutionErrorQuotingRunc() {
        writer.writeBundleConfig(bundle, spec(List.of("no-such-program")));
        String id = newId();

        assertThatThrownBy(() -> runtime.run(bundle, id, Stdio.discard()))
                .isInstanceOf(ExecutionException.class)
                .hasMessageStartingWith("running container " + id + ": ")
                .hasMessageContaining("\"no-such-program\": executable file not found in $PATH");
    }

    @Test
    void createsStartsKillsAndDeletesADetachedContainer() throws InterruptedException {
        writer.writeBundleConfig(bundle, spec(List.of("sleep", "30")));
        String id = newId();

        runtime.create(bundle, id, Stdio.toFiles(work.resolve("out"), work.resolve("err")));
        ContainerState created = runtime.state(id);
        runtime.start(id);
        ContainerStatus started = runtime.state(id).status();
        runtime.kill(id, "KILL");
        ContainerStatus killed = awaitStatus(id, ContainerStatus.STOPPED);
        runtime.delete(id, false);

        assertThat(created.status()).isEqualTo(ContainerStatus.CREATED);
        assertThat(created.pid()).isPositive();
        assertThat(created.bundle()).isEqualTo(bundle);
        assertThat(started).isEqualTo(ContainerStatus.RUNNING);
        assertThat(killed).isEqualTo(ContainerStatus.STOPPED);
        assertThatThrownBy(() -> runtime.state(id)).isInstanceOf(NotFoundException.class)
                .hasMessage("reading the state of container " + id + ": container does not exist");
    }

    @Test
    void forcedDeleteOfAMissingContainerIsNotAnError() {
        runtime.delete(newId(), true);
    }

    /** Polls the container's state for up to five seconds; returns the last one seen. */
    private ContainerStatus awaitStatus(String id, ContainerStatus wanted) throws InterruptedException {
        ContainerStatus status = null;
        for (int attempt = 0; attempt < 250 && status != wanted; attempt++) {
            try {
                status = runtime.state(id).status();
            } catch (NotFoundException notYetCreated) {
                status = null;
            }
            if (status != wanted) {
                Thread.sleep(20);
            }
        }
        return status;
    }

    private static RuntimeSpec spec(List<String> args) {
        var process = DockerDefaults.process(args, List.of("PATH=" + DockerDefaults.DEFAULT_PATH), UserSpec.root(), "/");
        return DockerDefaults.spec("rootfs", process, "berth-test", false);
    }

    private Result run(RuntimeSpec spec) throws IOException {
        writer.writeBundleConfig(bundle, spec);
        Path out = work.resolve("stdout");
        Path err = work.resolve("stderr");
        int exitCode = runtime.run(bundle, newId(), Stdio.toFiles(out, err));
        return new Result(exitCode, Files.readString(out), Files.readString(err));
    }

    private String newId() {
        String id = "berth-it-" + UUID.randomUUID().toString().substring(0, 8);
        containers.add(id);
        return id;
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

}
