package dev.berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultSeccompProfileTest {

    @Test
    void isADenylistWithEpermAndCloneNamespaceRulesInTheSpec() {
        var spec = DockerDefaults.spec("rootfs", DockerDefaults.process(List.of("true"), List.of(), UserSpec.root(), "/"),
                "h", false);
        spec = spec.withLinux(spec.linux().withSeccomp(DefaultSeccompProfile.forArchitecture("amd64")));

        JsonNode seccomp = new RuntimeSpecWriter().toTree(spec).path("linux").path("seccomp");

        assertThat(seccomp.path("defaultAction").asText()).isEqualTo("SCMP_ACT_ALLOW");
        assertThat(seccomp.path("architectures").toString())
                .isEqualTo("[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_X86\",\"SCMP_ARCH_X32\"]");
        JsonNode rules = seccomp.path("syscalls");
        assertThat(rules.size()).isEqualTo(9);
        assertThat(rules.get(0).path("action").asText()).isEqualTo("SCMP_ACT_ERRNO");
        assertThat(rules.get(0).path("errnoRet").asInt()).isEqualTo(1);
        assertThat(rules.get(0).path("args").isMissingNode()).isTrue();
        assertThat(rules.get(5).toString()).isEqualTo("{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":1,"
                + "\"args\":[{\"index\":0,\"value\":268435456,\"valueTwo\":268435456,\"op\":\"SCMP_CMP_MASKED_EQ\"}]}");
        assertThat(rules.get(8).toString())
                .isEqualTo("{\"names\":[\"clone3\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":38}");
    }

    @ParameterizedTest(name = "{0} is denied")
    @CsvSource({"mount", "umount2", "unshare", "setns", "kexec_load", "init_module", "finit_module", "delete_module",
            "open_by_handle_at", "bpf", "perf_event_open", "keyctl", "add_key", "request_key", "userfaultfd",
            "clock_settime", "reboot", "swapon", "swapoff", "acct"})
    void deniesWhatDockersProfileDeniesWithDefaultCapabilities(String syscall) {
        assertThat(DefaultSeccompProfile.forHost().syscalls().getFirst().names()).contains(syscall);
    }

    @ParameterizedTest(name = "{0} is allowed")
    @CsvSource({"read", "clone", "execve", "ptrace", "chown", "mknod", "socket", "personality"})
    void allowsEverythingElse(String syscall) {
        assertThat(DefaultSeccompProfile.forHost().syscalls()).noneMatch(rule -> rule.args().isEmpty()
                && rule.names().contains(syscall));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            amd64   | SCMP_ARCH_X86_64 SCMP_ARCH_X86 SCMP_ARCH_X32
            aarch64 | SCMP_ARCH_AARCH64 SCMP_ARCH_ARM
            riscv64 | ''
            """)
    void coversTheHostsThirtyTwoBitAbis(String osArch, String expected) {
        assertThat(String.join(" ", DefaultSeccompProfile.forArchitecture(osArch).architectures())).isEqualTo(expected);
    }

    @Test
    void readsWhetherTheRuntimeHasSeccomp() {
        assertThat(SeccompSupport.fromFeatures("{\"linux\":{\"seccomp\":{\"enabled\":true,\"actions\":[]}}}")).isTrue();
        assertThat(SeccompSupport.fromFeatures("{\"linux\":{\"seccomp\":{\"enabled\":false}}}")).isFalse();
        assertThat(SeccompSupport.fromFeatures("unknown command features")).isFalse();
        assertThat(SeccompSupport.fromVersion("crun version 1.8.1\nspec: 1.0.0\n+SYSTEMD +CAP +SECCOMP +EBPF")).isTrue();
        assertThat(SeccompSupport.fromVersion("crun version 1.8.1\nspec: 1.0.0\n+SYSTEMD +CAP -SECCOMP")).isFalse();
    }
}
