package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.container.ContainerRecord;
import dev.berth.container.NetworkOptions;
import dev.berth.container.RequestedConfig;
import dev.berth.container.RestartRule;
import dev.berth.image.ContainerConfig;
import dev.berth.image.Digest;
import dev.berth.recovery.OwnerRecord;
import dev.berth.sandbox.SandboxProcess;
import dev.berth.snapshot.SnapshotterLocation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code inspect}'s {@code Config.Entrypoint}/{@code Cmd} and {@code ExposedPorts} as Docker keeps them. */
class InspectFactsTest {

    @ParameterizedTest(name = "{0} | image {1} | recorded {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            /entry.sh run       | /entry.sh | -          | /entry.sh  | run
            /entry.sh           | /entry.sh | -          | /entry.sh  | -
            sh -c true          | /entry.sh | -          | sh         | -c true
            sh -c true          | -         | -          | -          | sh -c true
            sh -c true          | -         | sh         | sh         | -c true
            sh -c true          | /entry.sh | ''         | -          | sh -c true
            """)
    void entrypointAndCmdAreSplit(String args, String imageEntrypoint, String recorded, String entrypoint, String cmd) {
        Optional<RequestedConfig> requested = Optional.ofNullable(recorded)
                .map(text -> new RequestedConfig(words(text), "default"));
        ContainerRecord record = record(words(args), List.of(), requested);
        ContainerConfig image = ContainerConfig.EMPTY.toBuilder().entrypoint(words(imageEntrypoint)).build();
        assertThat(InspectFacts.command(record, Optional.of(image)))
                .contains(new ContainerConfigFacts.Command(words(entrypoint), words(cmd)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            80/tcp 9000/udp | -                            | 80/tcp 9000/udp
            80/tcp          | 127.0.0.1:8080:80 53/udp     | 53/udp 80/tcp
            -               | 8000-8001:80-81/tcp          | 80/tcp 81/tcp
            443/tcp         | 5000                         | 443/tcp 5000/tcp
            -               | -                            | -
            """)
    void exposedPortsAreTheImagesAndThePublishedOnes(String exposed, String publish, String expected) {
        ContainerRecord record = record(List.of("sh"), words(publish), Optional.empty());
        ContainerConfig image = ContainerConfig.EMPTY.toBuilder().exposedPorts(Set.copyOf(words(exposed))).build();
        assertThat(InspectFacts.exposedPorts(record, Optional.of(image))).isEqualTo(words(expected));
    }

    private static List<String> words(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
    }

    private static ContainerRecord record(List<String> args, List<String> publish, Optional<RequestedConfig> requested) {
        var network = NetworkOptions.of("bridge").withPublish(publish);
        return new ContainerRecord("a".repeat(64), "web", "busybox", Digest.parse("sha256:" + "9".repeat(64)),
                new SandboxProcess(args, List.of(), "", "/"), Instant.EPOCH, Map.of(), network, "h", true, "", false,
                OptionalLong.empty(), Optional.empty(),
                new OwnerRecord.RuntimeLocation("runc", Path.of("/usr/sbin/runc"), Path.of("/run/x")),
                new SnapshotterLocation(SnapshotterLocation.OVERLAY, Path.of("/var/lib/x"), false), Optional.empty(),
                List.of(), OptionalInt.empty(), Optional.empty(), RestartRule.never(), 0, false, requested);
    }
}
