package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.network.Ipv4Address;
import dev.berth.network.Ipv4Subnet;
import dev.berth.network.NetworkArgumentException;
import dev.berth.network.NetworkDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BridgeAttachmentsTest {

    private static final NetworkDefinition WEB = new NetworkDefinition("web", "e".repeat(64), "bridge", "berth7",
            Ipv4Subnet.parse("10.87.9.0/24"), Ipv4Address.parse("10.87.9.1"), false, true, Map.of(), Instant.EPOCH);

    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "db:10.0.0.5          | 10.0.0.5\tdb",
            "db=10.0.0.5          | 10.0.0.5\tdb",
            "gw:host-gateway      | 10.87.9.1\tgw"})
    void addHostBecomesAHostsLine(String flag, String line) {
        assertThat(BridgeAttachments.extraHostLines(List.of(flag), WEB)).containsExactly(line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "db          | bad format for add-host: \"db\"",
            ":10.0.0.5   | bad format for add-host: \":10.0.0.5\"",
            "db:         | bad format for add-host: \"db:\"",
            "db:10.0.0   | invalid IP address in add-host: \"10.0.0\""})
    void aMalformedAddHostIsRefusedWithDockersMessage(String flag, String message) {
        assertThatThrownBy(() -> BridgeAttachments.extraHostLines(List.of(flag), WEB))
                .isInstanceOf(NetworkArgumentException.class).hasMessage(message);
    }

    @Test
    void dnsReplacesTheNameserversAndKeepsTheRest() {
        assertThat(BridgeAttachments.withNameservers("nameserver 10.87.9.1\nsearch dns.podman\noptions ndots:2\n",
                List.of("10.0.0.53", "10.0.0.54")))
                .isEqualTo("nameserver 10.0.0.53\nnameserver 10.0.0.54\nsearch dns.podman\noptions ndots:2\n");
    }

    @Test
    void publishAllAddsTheExposedPortsNotPublishedAlready() {
        var options = new NetworkOptions("bridge", List.of(), Optional.empty(), List.of("8080:80"), true, List.of(),
                List.of());
        NetworkOptions resolved = BridgeAttachments.resolvePublishAll(options, Set.of("80/tcp", "53/udp", "443/tcp"));
        assertThat(resolved.publish()).containsExactly("8080:80", "443/tcp", "53/udp");
        var without = new NetworkOptions("bridge", List.of(), Optional.empty(), List.of(), false, List.of(), List.of());
        assertThat(BridgeAttachments.resolvePublishAll(without, Set.of("80/tcp")).publish()).isEmpty();
    }

    @Test
    void aSweepLeavesTheSetupsOfAnotherStoreAlone() throws IOException {
        // Regression: the sweep of one store (the launcher's AOT training store) tore down another store's running
        // container, as netavark's state is the host's and the container had no record in the sweeping store.
        Path run = work.resolve("run");
        Path stores = Files.createDirectories(run.resolve("stores"));
        String id = "f".repeat(64);
        Path other = Files.writeString(stores.resolve(id), work.resolve("other-store/networks").toString());
        Files.setLastModifiedTime(other, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        var bridges = new BridgeAttachments(work.resolve("store/networks"), run, Clock.systemUTC());
        List<String> failures = new ArrayList<>();

        assertThat(bridges.owned()).isEmpty();
        assertThat(BridgeLeftovers.sweep(work.resolve("store/containers"), bridges, Instant.now(), failures)).isEmpty();
        assertThat(failures).isEmpty();
        assertThat(other).exists();
        assertThat(new BridgeAttachments(work.resolve("other-store/networks"), run, Clock.systemUTC()).owned())
                .containsExactly(id);
    }
}
