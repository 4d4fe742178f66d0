package dev.berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each spec record refuses what a runtime would refuse later, with a message naming the bad value. */
class RuntimeSpecValidationTest {

    private static final Capabilities NONE = Capabilities.dockerStyle(List.of());

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("no program", (Supplier<?>) () -> process(List.of(), "/"), "at least a program"),
                Arguments.of("relative cwd", (Supplier<?>) () -> process(List.of("sh"), "srv"), "must be absolute: srv"),
                Arguments.of("env without =", (Supplier<?>) () -> new ProcessSpec(false, UserSpec.root(), List.of("sh"),
                        List.of("PATH"), "/", NONE, List.of(), false), "KEY=value: PATH"),
                Arguments.of("env with empty key", (Supplier<?>) () -> new ProcessSpec(false, UserSpec.root(), List.of("sh"),
                        List.of("=x"), "/", NONE, List.of(), false), "KEY=value: =x"),
                Arguments.of("negative uid", (Supplier<?>) () -> new UserSpec(-1, 0, List.of()), "uid must be in 0..4294967295: -1"),
                Arguments.of("gid over 32 bits", (Supplier<?>) () -> new UserSpec(0, 1L << 32, List.of()), "gid must be in"),
                Arguments.of("bad extra gid", (Supplier<?>) () -> new UserSpec(0, 0, List.of(-5L)), "additional gid must be in"),
                Arguments.of("relative mount", (Supplier<?>) () -> new MountSpec("proc", "proc", "proc", List.of()), "absolute: proc"),
                Arguments.of("relative bind source", (Supplier<?>) () -> MountSpec.bind(Path.of("data"), "/data", false), "absolute: data"),
                Arguments.of("soft over hard", (Supplier<?>) () -> new Rlimit("RLIMIT_NOFILE", 10, 5), "soft <= hard"),
                Arguments.of("rlimit name", (Supplier<?>) () -> new Rlimit("NOFILE", 1, 1), "starts with RLIMIT_"),
                Arguments.of("capability name", (Supplier<?>) () -> Capabilities.dockerStyle(List.of("chown")), "not a capability name: chown"),
                Arguments.of("device access", (Supplier<?>) () -> new DeviceRule(true, Optional.empty(), Optional.empty(),
                        Optional.empty(), "rx"), "some of r, w, m: rx"),
                Arguments.of("empty root", (Supplier<?>) () -> new RootSpec("", false), "must not be empty"),
                Arguments.of("namespace twice", (Supplier<?>) () -> new LinuxSpec(
                        List.of(Namespace.fresh(NamespaceType.PID), Namespace.fresh(NamespaceType.PID)),
                        List.of(), List.of(), List.of(), java.util.Map.of(), Optional.empty(), Optional.empty()), "listed twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void rejects(String what, Supplier<?> construction, String message) {
        assertThatIllegalArgumentException().isThrownBy(construction::get).withMessageContaining(message);
    }

    @Test
    void hostnameNeedsItsOwnUtsNamespace() {
        RuntimeSpec spec = DockerDefaults.spec("rootfs", process(List.of("sh"), "/"), "", false);
        var sharedUts = new LinuxSpec(spec.linux().namespaces().stream().filter(n -> n.type() != NamespaceType.UTS).toList(),
                List.of(), List.of(), List.of(), java.util.Map.of(), Optional.empty(), Optional.empty());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RuntimeSpec("1.0.2", spec.process(), spec.root(), "web", spec.mounts(), sharedUts))
                .withMessage("a hostname needs a UTS namespace: web");
    }

    @Test
    void hostNetworkDropsTheNetworkNamespaceAndItsSysctls() {
        RuntimeSpec host = DockerDefaults.spec("rootfs", process(List.of("sh"), "/"), "", true);
        RuntimeSpec own = DockerDefaults.spec("rootfs", process(List.of("sh"), "/"), "", false);

        assertThat(host.linux().has(NamespaceType.NETWORK)).isFalse();
        assertThat(host.linux().sysctl()).isEmpty();
        assertThat(own.linux().namespaces()).extracting(Namespace::type).containsExactly(
                NamespaceType.MOUNT, NamespaceType.NETWORK, NamespaceType.UTS, NamespaceType.PID, NamespaceType.IPC);
        assertThat(own.linux().sysctl()).containsOnlyKeys("net.ipv4.ip_unprivileged_port_start", "net.ipv4.ping_group_range");
    }

    @Test
    void recordsCopyTheirLists() {
        var args = new java.util.ArrayList<>(List.of("sh"));
        ProcessSpec process = process(args, "/");
        args.add("-c");

        assertThat(process.args()).containsExactly("sh");
    }

    private static ProcessSpec process(List<String> args, String cwd) {
        return new ProcessSpec(false, UserSpec.root(), args, List.of(), cwd, NONE, List.of(), false);
    }
}
