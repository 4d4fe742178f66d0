package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.Digest;
import dev.berth.network.Attachment;
import dev.berth.network.NetworkArgumentException;
import dev.berth.network.NetworkRequest;
import dev.berth.network.NetworkStore;
import dev.berth.recovery.OwnerRecord;
import dev.berth.sandbox.SandboxProcess;
import dev.berth.snapshot.SnapshotterLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A container's several networks: looked up in order, kept in its record, and refused in Docker's terms. */
class NetworkAttachmentPlanTest {

    @TempDir
    Path root;

    @Test
    void everyNetworkIsAttachedInOrderWithItsOwnAliasesAndAddress() {
        try (NetworkStore store = NetworkStore.open(root, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))) {
            store.create(NetworkRequest.parse("front", "10.87.71.0/24", null, false, Map.of()));
            store.create(NetworkRequest.parse("back", "10.87.72.0/24", null, false, Map.of()));
            NetworkOptions options = new NetworkOptions("front", List.of("web"), Optional.empty(), List.of("80"), false,
                    List.of(), List.of(), List.of(new NetworkJoin("back", List.of("api"), Optional.of("10.87.72.9"))));

            List<Attachment> attachments = NetworkAttachmentPlan.attachments(store, options);

            assertThat(attachments).extracting(attachment -> attachment.network().name()).containsExactly("front", "back");
            assertThat(attachments.get(0).aliases()).containsExactly("web");
            assertThat(attachments.get(1).aliases()).containsExactly("api");
            assertThat(attachments.get(1).staticIp()).hasValueSatisfying(ip -> assertThat(ip).hasToString("10.87.72.9"));
        }
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource(delimiter = '|', textBlock = """
            front  | bridge | conflicting options: cannot attach both user-defined and non-user-defined network-modes
            bridge | front  | conflicting options: cannot attach both user-defined and non-user-defined network-modes
            front  | ID     | network "front" is specified multiple times
            front  | nosuch | network nosuch not found
            """)
    void aSecondNetworkIsAnotherUserNetworkThatExists(String first, String second, String message) {
        try (NetworkStore store = NetworkStore.open(root, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))) {
            String frontId = store.create(NetworkRequest.parse("front", "10.87.71.0/24", null, false, Map.of())).id();
            NetworkOptions options = new NetworkOptions(first, List.of(), Optional.empty(), List.of(), false, List.of(),
                    List.of(), List.of(new NetworkJoin(second.equals("ID") ? frontId.substring(0, 12) : second,
                            List.of(), Optional.empty())));

            assertThatThrownBy(() -> NetworkAttachmentPlan.attachments(store, options)).hasMessageContaining(message);
        }
    }

    @Test
    void anAliasOnTheDefaultBridgeIsRefusedAsDockerDoes() {
        try (NetworkStore store = NetworkStore.open(root, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))) {
            NetworkOptions options = new NetworkOptions("bridge", List.of("api"), Optional.empty(), List.of(), false,
                    List.of(), List.of());

            assertThatThrownBy(() -> NetworkAttachmentPlan.attachments(store, options))
                    .isInstanceOf(NetworkArgumentException.class)
                    .hasMessage("network-scoped alias is supported only for containers in user defined networks");
        }
    }

    @Test
    void aRecordKeepsEveryNetworkForTheNextStart() throws IOException {
        NetworkOptions network = new NetworkOptions("front", List.of("web"), Optional.empty(), List.of("8080:80/tcp"),
                false, List.of(), List.of(), List.of(new NetworkJoin("back", List.of("api", "db"), Optional.of("10.1.0.5")),
                        new NetworkJoin("logs", List.of(), Optional.empty())));
        ContainerRecord record = new ContainerRecord("d".repeat(64), "multi", "busybox", digest('c'),
                new SandboxProcess(List.of("sh"), List.of(), "", "/"), Instant.EPOCH, Map.of(), network, "h", true, "",
                false, OptionalLong.empty(), Optional.empty(),
                new OwnerRecord.RuntimeLocation("runc", Path.of("/usr/sbin/runc"), Path.of("/run/berth/runc")),
                new SnapshotterLocation(SnapshotterLocation.OVERLAY, Path.of("/var/lib/berth/snapshots/overlay"), false),
                Optional.empty());

        ContainerRecord read = ContainerRecordJson.read(ContainerRecordJson.write(record));

        assertThat(read.network()).isEqualTo(network);
        assertThat(read.network().networkNames()).containsExactly("front", "back", "logs");
    }

    private static Digest digest(char hex) {
        return Digest.parse("sha256:" + String.valueOf(hex).repeat(64));
    }
}
