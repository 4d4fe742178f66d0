package dev.berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON of specs built from Docker's defaults, against golden files in {@code src/test/resources/runtime/}
 * (pretty-printed for review). Regenerate with {@code -Dberth.golden.update=true} and review the diff.
 */
class RuntimeSpecWriterGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/runtime");
    private final RuntimeSpecWriter writer = new RuntimeSpecWriter();

    static RuntimeSpec containerSpec() {
        var process = DockerDefaults.process(List.of("/bin/sh", "-c", "echo hello"),
                List.of("PATH=" + DockerDefaults.DEFAULT_PATH, "HOSTNAME=web"), new UserSpec(1000, 1000, List.of(20L, 27L)), "/srv")
                .withRlimits(List.of(new Rlimit("RLIMIT_NOFILE", 1024, 4096)));
        return DockerDefaults.spec("rootfs", process, "web", false)
                .withAddedMounts(List.of(
                        MountSpec.bind(Path.of("/var/lib/berth/containers/c1/hosts"), "/etc/hosts", false),
                        MountSpec.bind(Path.of("/var/lib/berth/volumes/data"), "/data", true)));
    }

    static RuntimeSpec buildStepSpec() {
        var process = DockerDefaults.process(List.of("/bin/sh", "-c", "apt-get update"), List.of("PATH=/usr/bin:/bin"),
                UserSpec.root(), "/");
        var seccomp = new SeccompProfile("SCMP_ACT_ERRNO", List.of("SCMP_ARCH_X86_64"),
                List.of(new SeccompProfile.SyscallRule(List.of("read", "write", "exit_group"), "SCMP_ACT_ALLOW")));
        RuntimeSpec spec = DockerDefaults.spec("/var/lib/berth/snapshots/7/fs", process, "", true);
        return spec.withLinux(spec.linux().withCgroupsPath("/berth/build-7").withSeccomp(seccomp));
    }

    @Test
    void containerWithDockerDefaultsAndBindMounts() throws IOException {
        assertMatchesGolden("container.json", containerSpec());
    }

    @Test
    void buildStepOnTheHostNetworkWithCgroupAndSeccomp() throws IOException {
        assertMatchesGolden("build-step.json", buildStepSpec());
    }

    @Test
    void canonicalBytesAreCompactAndStable() {
        byte[] first = writer.write(containerSpec());
        byte[] second = writer.write(containerSpec());

        assertThat(first).isEqualTo(second);
        assertThat(new String(first, StandardCharsets.UTF_8))
                .startsWith("{\"ociVersion\":\"1.0.2\",\"process\":{\"terminal\":false,\"user\":{\"uid\":1000,\"gid\":1000,\"additionalGids\":[20,27]}")
                .doesNotContain("\n")
                .doesNotContain(": ");
    }

    @Test
    void sysctlIsWrittenSortedWhateverTheInputOrder() {
        RuntimeSpec spec = containerSpec();
        var linux = spec.linux();
        var reordered = new LinuxSpec(linux.namespaces(), linux.maskedPaths(), linux.readonlyPaths(), linux.devices(),
                Map.of("net.ipv4.ping_group_range", "0 2147483647", "net.ipv4.ip_unprivileged_port_start", "0"),
                Optional.empty(), Optional.empty());

        assertThat(writer.write(spec.withLinux(reordered))).isEqualTo(writer.write(spec));
    }

    @Test
    void bundleConfigIsWrittenWholeAndReplaced(@TempDir Path bundle) throws IOException {
        writer.writeBundleConfig(bundle, buildStepSpec());
        Path config = writer.writeBundleConfig(bundle, containerSpec());

        assertThat(Files.readAllBytes(config)).isEqualTo(writer.write(containerSpec()));
        try (var files = Files.list(bundle)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("config.json");
        }
    }

    private void assertMatchesGolden(String name, RuntimeSpec spec) throws IOException {
        String actual = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(writer.toTree(spec)) + "\n";
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("berth.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
