package dev.berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Docker's {@code --cap-add}/{@code --cap-drop} arithmetic ({@code TweakCapabilities}). */
class CapabilityNamesTest {

    private static final List<String> BASE = List.of("CAP_CHOWN", "CAP_KILL", "CAP_SETUID");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(List.of(), List.of(), BASE),
                Arguments.of(List.of("net_admin"), List.of("CHOWN"), List.of("CAP_KILL", "CAP_SETUID", "CAP_NET_ADMIN")),
                Arguments.of(List.of("CAP_CHOWN"), List.of(), BASE),
                Arguments.of(List.of(), List.of("ALL"), List.of()),
                Arguments.of(List.of("chown"), List.of("all"), List.of("CAP_CHOWN")),
                Arguments.of(List.of("ALL"), List.of("SYS_ADMIN"), CapabilityNames.ALL.stream()
                        .filter(cap -> !cap.equals("CAP_SYS_ADMIN")).toList()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dropsThenAddsAsDockerDoes(List<String> add, List<String> drop, List<String> expected) {
        assertThat(CapabilityNames.apply(BASE, add, drop)).isEqualTo(expected);
    }

    @Test
    void anUnknownNameIsRefusedWithDockersText() {
        assertThatThrownBy(() -> CapabilityNames.canonical("FLY")).hasMessage("unknown capability: \"CAP_FLY\"");
    }

    @Test
    void theListFollowsTheKernelsBitOrder() {
        assertThat(CapabilityNames.ALL.indexOf("CAP_SYS_ADMIN")).isEqualTo(21);
        assertThat(CapabilityNames.ALL.indexOf("CAP_SYS_RESOURCE")).isEqualTo(24);
        assertThat(CapabilityNames.ALL.indexOf("CAP_CHECKPOINT_RESTORE")).isEqualTo(40);
    }
}
