package dev.berth.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ConflictException;
import dev.berth.error.UnsupportedFeatureException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkLeasesTest {

    private static final ContainerRef WEB = new ContainerRef("a".repeat(64), "web");
    private static final ContainerRef DB = new ContainerRef("b".repeat(64), "db");
    private static final NetworkDefinition NET = new NetworkDefinition("net", "c".repeat(64), "bridge", "berth1",
            Ipv4Subnet.parse("10.87.1.0/29"), Ipv4Address.parse("10.87.1.1"), false, true, Map.of(), Instant.EPOCH);

    @TempDir
    Path root;
    /** Ports a host process holds, as "tcp:8080" or "udp:53". */
    private final Set<String> busy = new HashSet<>();

    private NetworkLeases leases() {
        return new NetworkLeases(root, (protocol, ip, port) -> !busy.contains(protocol.specName() + ":" + port),
                new int[] {32768, 32771});
    }

    @Test
    void addressesAreHandedOutInOrderAfterTheGateway() {
        NetworkLeases leases = leases();
        assertThat(leases.claimAddress(NET, WEB, Optional.empty())).isEqualTo(Ipv4Address.parse("10.87.1.2"));
        assertThat(leases.claimAddress(NET, DB, Optional.empty())).isEqualTo(Ipv4Address.parse("10.87.1.3"));
        assertThat(leases.holders(NET)).containsExactly(WEB.id(), DB.id());
        leases.release(WEB.id());
        assertThat(leases.holders(NET)).containsExactly(DB.id());
        assertThat(leases.claimAddress(NET, WEB, Optional.empty())).isEqualTo(Ipv4Address.parse("10.87.1.2"));
    }

    @Test
    void aStaticAddressInUseIsAConflictAndTheSubnetCanFill() {
        NetworkLeases leases = leases();
        assertThat(leases.claimAddress(NET, WEB, Optional.of(Ipv4Address.parse("10.87.1.5"))))
                .isEqualTo(Ipv4Address.parse("10.87.1.5"));
        assertThatThrownBy(() -> leases.claimAddress(NET, DB, Optional.of(Ipv4Address.parse("10.87.1.5"))))
                .isInstanceOf(ConflictException.class)
                .hasMessage("assigning address 10.87.1.5 on network net to container db: Address already in use");
        for (int i = 0; i < 4; i++) {
            leases.claimAddress(NET, DB, Optional.empty());
        }
        // .2 .3 .4 .6 taken by db, .5 by web, .7 is the broadcast address.
        assertThatThrownBy(() -> leases.claimAddress(NET, DB, Optional.empty())).isInstanceOf(ConflictException.class)
                .hasMessage("assigning an address on network net to container db: no available IPv4 addresses in 10.87.1.0/29");
    }

    @Test
    void staticAddressesOutsideTheSubnetAreRefused() {
        assertThatThrownBy(() -> new Attachment(NET, List.of(), Optional.of(Ipv4Address.parse("10.87.2.5"))))
                .isInstanceOf(NetworkArgumentException.class)
                .hasMessage("no configured subnet or ip-range contain the IP address 10.87.2.5");
        assertThatThrownBy(() -> new Attachment(NET, List.of(), Optional.of(Ipv4Address.parse("10.87.1.1"))))
                .isInstanceOf(NetworkArgumentException.class);
    }

    @Test
    void fixedPortsAreLeasedOnceAcrossAddresses() {
        NetworkLeases leases = leases();
        assertThat(leases.claimPorts(WEB, List.of(PublishedPort.parse("127.0.0.1:8080:80"),
                PublishedPort.parse("8000-8002:90-92/udp"))))
                .containsExactly(new PortMapping("127.0.0.1", 8080, 80, 1, TransportProtocol.TCP),
                        new PortMapping("", 8000, 90, 3, TransportProtocol.UDP));
        // Another address may have the same port; every address may not; another protocol may.
        assertThat(leases.claimPorts(DB, List.of(PublishedPort.parse("127.0.0.2:8080:80")))).hasSize(1);
        assertThatThrownBy(() -> leases.claimPorts(DB, List.of(PublishedPort.parse("8080:80"))))
                .isInstanceOf(ConflictException.class).hasMessage("Bind for 0.0.0.0:8080 failed: port is already allocated");
        assertThatThrownBy(() -> leases.claimPorts(DB, List.of(PublishedPort.parse("127.0.0.3:8001:80/udp"))))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Bind for 127.0.0.3:8001 failed: port is already allocated");
        assertThat(leases.claimPorts(DB, List.of(PublishedPort.parse("8001:80/tcp")))).hasSize(1);
        leases.release(WEB.id());
        assertThat(leases.claimPorts(DB, List.of(PublishedPort.parse("127.0.0.1:8080:80")))).hasSize(1);
    }

    @Test
    void aPortAHostProcessHoldsIsRefused() {
        busy.add("tcp:8080");
        assertThatThrownBy(() -> leases().claimPorts(WEB, List.of(PublishedPort.parse("8080:80"))))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Bind for 0.0.0.0:8080 failed: address already in use (a host process has it)");
    }

    @Test
    void chosenPortsAreTheFirstFreeOfTheEphemeralRangeOrTheGivenOne() {
        busy.add("tcp:32768");
        NetworkLeases leases = leases();
        assertThat(leases.claimPorts(WEB, List.of(PublishedPort.parse("80"), PublishedPort.parse("90-91"))))
                .containsExactly(new PortMapping("", 32769, 80, 1, TransportProtocol.TCP),
                        new PortMapping("", 32770, 90, 1, TransportProtocol.TCP),
                        new PortMapping("", 32771, 91, 1, TransportProtocol.TCP));
        assertThat(leases.claimPorts(WEB, List.of(PublishedPort.parse("53/udp"))))
                .containsExactly(new PortMapping("", 32768, 53, 1, TransportProtocol.UDP));
        assertThatThrownBy(() -> leases.claimPorts(DB, List.of(PublishedPort.parse("80"))))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("Bind for 0.0.0.0:32768-32771 failed");
        assertThat(leases.claimPorts(DB, List.of(PublishedPort.parse("9000-9010:80"))))
                .containsExactly(new PortMapping("", 9000, 80, 1, TransportProtocol.TCP));
        assertThat(leases.claimPorts(WEB, List.of(PublishedPort.parse("9000-9010:80"))))
                .containsExactly(new PortMapping("", 9001, 80, 1, TransportProtocol.TCP));
    }

    @Test
    void ipv6HostAddressesAreNotSupportedYet() {
        assertThatThrownBy(() -> leases().claimPorts(WEB, List.of(PublishedPort.parse("[::1]:80:80"))))
                .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("IPv4 only");
    }
}
