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

class NetavarkJsonTest {

    private static final ContainerRef WEB = new ContainerRef("1".repeat(64), "web");
    private static final NetworkDefinition APP = network("app", "a", "10.87.7.0/24", true, false);
    private static final NetworkDefinition BACK = network("back", "b", "10.87.8.0/24", true, true);

    private static NetworkDefinition network(String name, String id, String subnet, boolean dns, boolean internal) {
        Ipv4Subnet parsed = Ipv4Subnet.parse(subnet);
        return new NetworkDefinition(name, id.repeat(64), "bridge", "berth" + name.length(), parsed,
                parsed.base().plus(1), internal, dns, Map.of("x", "y"), Instant.EPOCH);
    }

    @Test
    void optionsAreWhatNetavarkReads() throws IOException {
        byte[] options = NetavarkJson.options(WEB,
                List.of(new Attachment(APP, List.of("www", "web"), Optional.empty()), Attachment.to(BACK)),
                List.of(Ipv4Address.parse("10.87.7.2"), Ipv4Address.parse("10.87.8.2")),
                List.of(new PortMapping("127.0.0.1", 8080, 80, 1, TransportProtocol.TCP),
                        new PortMapping("", 5353, 53, 2, TransportProtocol.UDP)));
        JsonNode root = new ObjectMapper().readTree(options);
        assertThat(root.path("container_id").asText()).isEqualTo(WEB.id());
        assertThat(root.path("container_name").asText()).isEqualTo("web");
        JsonNode app = root.path("networks").path("app");
        assertThat(app.path("interface_name").asText()).isEqualTo("eth0");
        assertThat(app.path("static_ips").toString()).isEqualTo("[\"10.87.7.2\"]");
        // Regression (a recreated container unreachable on its published port): Docker's MAC from the address.
        assertThat(app.path("static_mac").asText()).isEqualTo("02:42:0a:57:07:02");
        assertThat(root.path("networks").path("back").path("static_mac").asText()).isEqualTo("02:42:0a:57:08:02");
        assertThat(NetavarkJson.macFor(Ipv4Address.parse("172.17.255.254"))).isEqualTo("02:42:ac:11:ff:fe");
        // netavark adds the container's name itself; the short id is answered as in Docker.
        assertThat(app.path("aliases").toString()).isEqualTo("[\"111111111111\",\"www\"]");
        assertThat(root.path("networks").path("back").path("interface_name").asText()).isEqualTo("eth1");
        JsonNode info = root.path("network_info").path("back");
        assertThat(info.path("name").asText()).isEqualTo("back");
        assertThat(info.path("id").asText()).isEqualTo("b".repeat(64));
        assertThat(info.path("driver").asText()).isEqualTo("bridge");
        assertThat(info.path("network_interface").asText()).isEqualTo("berth4");
        assertThat(info.path("subnets").toString()).isEqualTo("[{\"subnet\":\"10.87.8.0/24\",\"gateway\":\"10.87.8.1\"}]");
        assertThat(info.path("internal").asBoolean()).isTrue();
        assertThat(info.path("dns_enabled").asBoolean()).isTrue();
        assertThat(info.has("labels")).isFalse();
        assertThat(root.path("port_mappings").toString()).isEqualTo("[{\"host_ip\":\"127.0.0.1\",\"container_port\":80,"
                + "\"host_port\":8080,\"range\":1,\"protocol\":\"tcp\"},{\"host_ip\":\"\",\"container_port\":53,"
                + "\"host_port\":5353,\"range\":2,\"protocol\":\"udp\"}]");
        assertThat(NetavarkJson.ports(options)).containsExactly(
                new PortMapping("127.0.0.1", 8080, 80, 1, TransportProtocol.TCP),
                new PortMapping("", 5353, 53, 2, TransportProtocol.UDP));
    }

    @Test
    void theStatusOfNetavark14IsRead() throws IOException {
        // What netavark 1.4.0 printed for a container on two networks.
        String status = """
                {"back":{"dns_search_domains":["dns.podman"],"dns_server_ips":["10.87.8.1"],"interfaces":{"eth1":\
                {"mac_address":"d2:37:35:7f:4f:dd","subnets":[{"gateway":"10.87.8.1","ipnet":"10.87.8.2/24"}]}}},\
                "app":{"interfaces":{"eth0":{"mac_address":"f2:72:e3:e3:f0:e4","subnets":\
                [{"gateway":"10.87.7.1","ipnet":"10.87.7.4/24"}]}}}}""";
        List<Endpoint> endpoints = NetavarkJson.endpoints(status, List.of(Attachment.to(APP), Attachment.to(BACK)));
        assertThat(endpoints).containsExactly(
                new Endpoint("app", "eth0", "f2:72:e3:e3:f0:e4", Ipv4Address.parse("10.87.7.4"), 24,
                        Optional.of(Ipv4Address.parse("10.87.7.1")), List.of(), List.of()),
                new Endpoint("back", "eth1", "d2:37:35:7f:4f:dd", Ipv4Address.parse("10.87.8.2"), 24,
                        Optional.of(Ipv4Address.parse("10.87.8.1")), List.of(Ipv4Address.parse("10.87.8.1")),
                        List.of("dns.podman")));
        NetworkSetup setup = new NetworkSetup(endpoints, List.of());
        assertThat(setup.dnsServers()).containsExactly(Ipv4Address.parse("10.87.8.1"));
        assertThat(setup.searchDomains()).containsExactly("dns.podman");
    }

    @Test
    void netavarksErrorIsTakenFromItsJson() {
        assertThat(NetavarkJson.error("{\"error\":\"IO error: no static ips provided\"}\n"))
                .isEqualTo("IO error: no static ips provided");
        assertThat(NetavarkJson.error("plain text\n")).isEqualTo("plain text");
        assertThat(NetavarkJson.error("")).isEmpty();
    }
}
