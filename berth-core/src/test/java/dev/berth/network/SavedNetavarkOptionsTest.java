package dev.berth.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The saved options edited for a running container's {@code network connect} and {@code disconnect}. */
class SavedNetavarkOptionsTest {

    private static final ContainerRef WEB = new ContainerRef("1".repeat(64), "web");
    private static final NetworkDefinition APP = network("app", "a", "10.87.7.0/24");
    private static final NetworkDefinition BACK = network("back", "b", "10.87.8.0/24");
    private static final NetworkDefinition SIDE = network("side", "c", "10.87.9.0/24");
    private static final PortMapping PORT = new PortMapping("", 8080, 80, 1, TransportProtocol.TCP);

    private static NetworkDefinition network(String name, String id, String subnet) {
        Ipv4Subnet parsed = Ipv4Subnet.parse(subnet);
        return new NetworkDefinition(name, id.repeat(64), "bridge", "berth" + name.length(), parsed,
                parsed.base().plus(1), false, true, Map.of(), Instant.EPOCH);
    }

    private static byte[] setup(List<NetworkDefinition> networks, List<PortMapping> ports) {
        return NetavarkJson.options(WEB, networks.stream().map(Attachment::to).toList(),
                networks.stream().map(network -> network.subnet().base().plus(2)).toList(), ports);
    }

    @Test
    void aJoinedNetworkGetsTheNextInterfaceThePublishedPortsAndIsMergedIn() throws IOException {
        var saved = new SavedNetavarkOptions(setup(List.of(APP, BACK), List.of(PORT)));
        assertThat(saved.freeInterface()).isEqualTo("eth2");
        assertThat(saved.ports()).containsExactly(PORT);
        byte[] single = SavedNetavarkOptions.renamed(setup(List.of(SIDE), saved.ports()), saved.freeInterface());
        JsonNode alone = new ObjectMapper().readTree(single);
        assertThat(alone.path("networks").path("side").path("interface_name").asText()).isEqualTo("eth2");
        assertThat(NetavarkJson.ports(single)).containsExactly(PORT);

        var merged = new SavedNetavarkOptions(saved.with(single));
        assertThat(merged.networks()).containsExactly("app", "back", "side");
        assertThat(NetavarkJson.ports(saved.with(single))).containsExactly(PORT);
        assertThat(new ObjectMapper().readTree(saved.with(single)).path("network_info").has("side")).isTrue();
    }

    @Test
    void aLeftNetworkIsTornDownAloneAndTakenOut() throws IOException {
        var saved = new SavedNetavarkOptions(setup(List.of(APP, BACK), List.of(PORT)));
        JsonNode only = new ObjectMapper().readTree(saved.only("back"));
        assertThat(only.path("networks").properties()).extracting(Map.Entry::getKey).containsExactly("back");
        assertThat(only.path("network_info").properties()).extracting(Map.Entry::getKey).containsExactly("back");

        var rest = new SavedNetavarkOptions(saved.without("back"));
        assertThat(rest.networks()).containsExactly("app");
        assertThat(NetavarkJson.ports(saved.without("back"))).containsExactly(PORT);
        // eth1 left: a network joined later takes eth1 again, never eth0's name twice.
        assertThat(rest.freeInterface()).isEqualTo("eth1");
        assertThat(new SavedNetavarkOptions(setup(List.of(APP), List.of())).freeInterface()).isEqualTo("eth1");
        assertThat(Optional.of(saved.networks())).contains(List.of("app", "back"));
    }

    @Test
    void disconnectLeftTheDisconnectedNetworksPortForwardingBehind() throws IOException {
        // netavark forwards each published port on every network of a setup: the teardown of one network must
        // name the ports, or that network's DNAT chain stays, forwarding the port to an address now gone.
        var saved = new SavedNetavarkOptions(setup(List.of(APP, BACK), List.of(PORT)));
        assertThat(NetavarkJson.ports(saved.only("back"))).containsExactly(PORT);
    }
}
