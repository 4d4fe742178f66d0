package dev.berth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.runtime.DeviceRule;
import dev.berth.runtime.DockerDefaults;
import dev.berth.runtime.MountSpec;
import dev.berth.runtime.ResourceLimits;
import dev.berth.runtime.RuntimeSpec;
import dev.berth.runtime.UserSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code berth run}'s changes to Docker's default spec, as dockerd's {@code oci_linux.go} makes them. */
class RunSpecOptionsTest {

    private static RuntimeSpec base() {
        var process = DockerDefaults.process(List.of("sleep", "1"), List.of("PATH=/bin"), new UserSpec(0, 0, List.of()), "/");
        return DockerDefaults.spec("/rootfs", process, "box", false)
                .withAddedMounts(List.of(MountSpec.bind(Path.of("/b/hosts"), "/etc/hosts", false),
                        MountSpec.bind(Path.of("/v/etc"), "/etc", false)));
    }

    @Test
    void defaultsChangeNothingButPutParentMountsFirst() {
        RuntimeSpec spec = RunSpecOptions.apply(base(), SandboxOptions.defaults());

        assertThat(spec.process()).isEqualTo(base().process());
        assertThat(spec.mounts().subList(spec.mounts().size() - 2, spec.mounts().size()))
                .extracting(MountSpec::destination).containsExactly("/etc", "/etc/hosts");
    }

    @Test
    void initGoesInFrontOfTheCommandAndIsBoundReadOnly() {
        var options = new SandboxOptions(true, Optional.of(Path.of("/usr/bin/tini-static")), ResourceLimits.none(),
                DockerDefaults.CAPABILITIES, false, List.of(), List.of());

        RuntimeSpec spec = RunSpecOptions.apply(base(), options);

        assertThat(spec.process().args()).containsExactly("/sbin/docker-init", "--", "sleep", "1");
        assertThat(spec.mounts()).contains(MountSpec.bind(Path.of("/usr/bin/tini-static"), "/sbin/docker-init", true));
        assertThat(spec.root().readonly()).isTrue();
    }

    @Test
    void privilegedUnmasksAndAllowsEveryDeviceAndMakesSysWritable() {
        var options = new SandboxOptions(false, Optional.empty(), ResourceLimits.none(), List.of(), true, List.of(), List.of());

        RuntimeSpec spec = RunSpecOptions.apply(base(), options);

        assertThat(spec.linux().maskedPaths()).isEmpty();
        assertThat(spec.linux().readonlyPaths()).isEmpty();
        assertThat(spec.linux().devices()).containsExactly(DeviceRule.allowAll());
        assertThat(spec.mounts()).filteredOn(m -> m.destination().startsWith("/sys"))
                .allSatisfy(m -> assertThat(m.options()).doesNotContain("ro"));
        assertThat(spec.process().capabilities().bounding()).contains("CAP_SYS_ADMIN");
    }

    @Test
    void limitsAndTmpfsMountsGoInTheSpec() {
        var limits = new ResourceLimits(OptionalLong.of(1 << 26), OptionalLong.empty(), OptionalLong.of(50_000),
                OptionalLong.of(5));
        var options = new SandboxOptions(false, Optional.empty(), limits, List.of("CAP_KILL"), false, List.of(),
                List.of(new SandboxOptions.Tmpfs("/run", List.of("size=1m"))));

        RuntimeSpec spec = RunSpecOptions.apply(base(), options);

        assertThat(spec.linux().resources()).isEqualTo(limits);
        assertThat(spec.process().capabilities().effective()).containsExactly("CAP_KILL");
        assertThat(spec.mounts()).contains(new MountSpec("/run", "tmpfs", "tmpfs", List.of("noexec", "nosuid", "nodev", "size=1m")));
    }

    static Stream<Arguments> tmpfsOptions() {
        return Stream.of(
                Arguments.of(List.of(), List.of("noexec", "nosuid", "nodev")),
                Arguments.of(List.of("exec", "size=64m"), List.of("nosuid", "nodev", "size=64m")),
                Arguments.of(List.of("rw", "mode=1777", "suid", "dev"), List.of("noexec", "mode=1777")));
    }

    @ParameterizedTest
    @MethodSource("tmpfsOptions")
    void tmpfsOptionsStartFromDockersAndTheUsersUndoThem(List<String> requested, List<String> expected) {
        assertThat(RunSpecOptions.tmpfsOptions(requested)).isEqualTo(expected);
    }
}
