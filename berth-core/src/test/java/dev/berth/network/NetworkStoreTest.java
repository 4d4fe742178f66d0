package dev.berth.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.ConflictException;
import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkStoreTest {

    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

    @TempDir
    Path root;
    private final List<Ipv4Subnet> routes = new ArrayList<>(List.of(Ipv4Subnet.parse("192.0.2.0/24")));
    private final Set<String> hostInterfaces = new HashSet<>();
    private NetworkStore store;

    @BeforeEach
    void open() {
        store = reopen();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private NetworkStore reopen() {
        NetworkStore opened = new NetworkStore(root, Clock.fixed(NOW, ZoneOffset.UTC),
                new SubnetPool(Ipv4Subnet.parse("10.87.0.0/22"), 24), () -> routes, hostInterfaces::contains);
        opened.ensureDefault();
        return opened;
    }

    @Test
    void theDefaultBridgeExistsWithoutDns() {
        NetworkDefinition bridge = store.get("bridge");
        assertThat(bridge.isDefault()).isTrue();
        assertThat(bridge.dnsEnabled()).isFalse();
        assertThat(bridge.interfaceName()).isEqualTo("berth0");
        assertThat(bridge.subnet()).isEqualTo(Ipv4Subnet.parse("10.87.0.0/24"));
        assertThat(bridge.gateway()).isEqualTo(Ipv4Address.parse("10.87.0.1"));
        assertThat(bridge.id()).matches("[0-9a-f]{64}");
        assertThat(bridge.created()).isEqualTo(NOW);
        store.close();
        store = reopen();
        assertThat(store.get("bridge").id()).isEqualTo(bridge.id());
    }

    @Test
    void userNetworksHaveDnsAndTheNextFreeSubnetAndInterface() {
        hostInterfaces.add("berth1");
        routes.add(Ipv4Subnet.parse("10.87.1.0/24"));
        NetworkDefinition web = store.create(new NetworkRequest("web", Optional.empty(), Optional.empty(), true,
                Map.of("b", "2", "a", "1")));
        assertThat(web.dnsEnabled()).isTrue();
        assertThat(web.internal()).isTrue();
        assertThat(web.subnet()).isEqualTo(Ipv4Subnet.parse("10.87.2.0/24"));
        assertThat(web.interfaceName()).isEqualTo("berth2");
        assertThat(web.labels()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(store.get("web")).isEqualTo(web);
        assertThat(store.list()).extracting(NetworkDefinition::name).containsExactly("bridge", "web");
        assertThat(store.create(NetworkRequest.named("last")).subnet()).isEqualTo(Ipv4Subnet.parse("10.87.3.0/24"));
        assertThatThrownBy(() -> store.create(NetworkRequest.named("full")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("non-overlapping IPv4 address pool");
    }

    @Test
    void theFileIsPodmansNetworkConfig() throws IOException {
        NetworkDefinition web = store.create(NetworkRequest.parse("web", "172.30.0.0/16", "172.30.0.254", false,
                Map.of("team", "a")));
        JsonNode file = new ObjectMapper().readTree(root.resolve("web.json").toFile());
        assertThat(file.path("name").asText()).isEqualTo("web");
        assertThat(file.path("id").asText()).isEqualTo(web.id());
        assertThat(file.path("driver").asText()).isEqualTo("bridge");
        assertThat(file.path("network_interface").asText()).isEqualTo("berth1");
        assertThat(file.path("created").asText()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(file.path("subnets").path(0).path("subnet").asText()).isEqualTo("172.30.0.0/16");
        assertThat(file.path("subnets").path(0).path("gateway").asText()).isEqualTo("172.30.0.254");
        assertThat(file.path("ipv6_enabled").asBoolean(true)).isFalse();
        assertThat(file.path("internal").asBoolean(true)).isFalse();
        assertThat(file.path("dns_enabled").asBoolean()).isTrue();
        assertThat(file.path("labels").path("team").asText()).isEqualTo("a");
        assertThat(file.path("ipam_options").path("driver").asText()).isEqualTo("host-local");
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("bridge.json", "web.json", "networks.lock");
        }
    }

    @Test
    void namesFollowDockersRules() {
        store.create(NetworkRequest.named("web"));
        assertThatThrownBy(() -> store.create(NetworkRequest.named("web")))
                .isInstanceOf(ConflictException.class).hasMessage("network with name web already exists");
        assertThatThrownBy(() -> store.create(NetworkRequest.named("-web")))
                .isInstanceOf(NetworkArgumentException.class)
                .hasMessage("network name -web invalid: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*");
        store.create(NetworkRequest.named("a.b_c-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bridge", "host", "none", "default"})
    void predefinedNamesAreRefused(String name) {
        assertThatThrownBy(() -> store.create(NetworkRequest.named(name))).isInstanceOf(ConflictException.class)
                .hasMessage("operation is not permitted on predefined " + name + " network");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "", "web/1", "über", ".hidden", "x:y"})
    void malformedNamesAreRefused(String name) {
        assertThatThrownBy(() -> store.create(NetworkRequest.named(name))).isInstanceOf(NetworkArgumentException.class)
                .hasMessageStartingWith("network name " + name + " invalid");
    }

    @Test
    void userSubnetsAndGatewaysAreChecked() {
        assertThatThrownBy(() -> store.create(NetworkRequest.parse("a", "10.87.0.128/25", null, false, Map.of())))
                .isInstanceOf(ConflictException.class)
                .hasMessage("invalid pool request: Pool overlaps with other one on this address space "
                        + "(10.87.0.128/25 overlaps 10.87.0.0/24 of network bridge)");
        assertThatThrownBy(() -> store.create(NetworkRequest.parse("a", null, "10.1.0.1", false, Map.of())))
                .isInstanceOf(NetworkArgumentException.class)
                .hasMessage("every ip-range or gateway must have a corresponding subnet");
        assertThatThrownBy(() -> store.create(NetworkRequest.parse("a", "10.1.0.0/24", "10.2.0.1", false, Map.of())))
                .isInstanceOf(NetworkArgumentException.class).hasMessage("no matching subnet for gateway 10.2.0.1");
        assertThatThrownBy(() -> store.create(NetworkRequest.parse("a", "10.1.0.0/24", "10.1.0.255", false, Map.of())))
                .isInstanceOf(NetworkArgumentException.class)
                .hasMessage("gateway 10.1.0.255 is the network or broadcast address of 10.1.0.0/24");
        assertThatThrownBy(() -> store.create(NetworkRequest.parse("a", "10.1.0.0/31", null, false, Map.of())))
                .isInstanceOf(NetworkArgumentException.class).hasMessageContaining("is too small");
        assertThatThrownBy(() -> NetworkRequest.parse("a", "10.1.0.1/24", null, false, Map.of()))
                .isInstanceOf(NetworkArgumentException.class)
                .hasMessage("invalid subnet 10.1.0.1/24: it should be 10.1.0.0/24");
        // A user subnet may overlap a host route, as in Docker: only allocation keeps clear of them.
        assertThat(store.create(NetworkRequest.parse("lan", "192.0.2.0/25", null, false, Map.of())).gateway())
                .isEqualTo(Ipv4Address.parse("192.0.2.1"));
        assertThat(store.list()).hasSize(2);
    }

    @Test
    void networksAreFoundByNameIdOrIdPrefix() {
        NetworkDefinition web = store.create(NetworkRequest.named("web"));
        assertThat(store.get(web.id())).isEqualTo(web);
        assertThat(store.get(web.shortId())).isEqualTo(web);
        assertThat(store.find("nope")).isEmpty();
        assertThat(store.find("")).isEmpty();
        assertThatThrownBy(() -> store.get("nope")).isInstanceOf(NotFoundException.class)
                .hasMessage("network nope not found");
    }

    @Test
    void removingChecksTheDefaultAndTheContainersAttached() {
        store.create(NetworkRequest.named("web"));
        assertThatThrownBy(() -> store.remove("bridge", List.of())).isInstanceOf(ConflictException.class)
                .hasMessage("bridge is a pre-defined network and cannot be removed");
        ContainerRef container = new ContainerRef("ab".repeat(32), "api");
        assertThatThrownBy(() -> store.remove("web", List.of(container))).isInstanceOf(ConflictException.class)
                .hasMessage("error while removing network: network web has active endpoints "
                        + "(name:\"api\" id:\"abababababab\")");
        store.remove("web", List.of());
        assertThat(store.find("web")).isEmpty();
        assertThat(root.resolve("web.json")).doesNotExist();
        assertThatThrownBy(() -> store.remove("web", List.of())).isInstanceOf(NotFoundException.class)
                .hasMessage("network web not found");
        // The name and the subnet are free again.
        assertThat(store.create(NetworkRequest.named("web")).subnet()).isEqualTo(Ipv4Subnet.parse("10.87.1.0/24"));
    }

    @Test
    void aDamagedFileIsAStoreError() throws IOException {
        Files.writeString(root.resolve("broken.json"), "{\"name\": \"broken\"}");
        assertThatThrownBy(() -> store.list()).isInstanceOf(StoreException.class)
                .hasMessageContaining("broken.json: not a valid network config");
    }
}
