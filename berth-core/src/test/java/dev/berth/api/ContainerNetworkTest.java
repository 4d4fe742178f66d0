package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which sets of networks a container may join, with Docker's messages for the others. */
class ContainerNetworkTest {

    @ParameterizedTest(name = "--network {0}")
    @CsvSource(delimiter = '|', textBlock = """
            host a          | container cannot be disconnected from host network or connected to host network
            a host          | container cannot be disconnected from host network or connected to host network
            none a          | container cannot be connected to multiple networks with one of the networks in private (none) mode
            a none          | container cannot be connected to multiple networks with one of the networks in private (none) mode
            bridge a        | conflicting options: cannot attach both user-defined and non-user-defined network-modes
            a bridge        | conflicting options: cannot attach both user-defined and non-user-defined network-modes
            default a       | conflicting options: cannot attach both user-defined and non-user-defined network-modes
            a b a           | network "a" is specified multiple times
            bridge bridge   | network "bridge" is specified multiple times
            """)
    void severalNetworksAreUserNetworksEachOnce(String networks, String message) {
        List<NetworkEndpoint> endpoints = Arrays.stream(networks.split(" ")).map(NetworkEndpoint::named).toList();

        assertThatThrownBy(() -> ContainerNetwork.joining(endpoints, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "--network {0}")
    @CsvSource({"a", "a b", "a b c", "bridge", "host", "none"})
    void userNetworksOrOneOfAnyKindAreAccepted(String networks) {
        List<NetworkEndpoint> endpoints = Arrays.stream(networks.split(" ")).map(NetworkEndpoint::named).toList();

        ContainerNetwork network = ContainerNetwork.joining(endpoints, List.of());

        assertThat(network.endpoints()).isEqualTo(endpoints);
        assertThat(network.mode()).isEqualTo(endpoints.getFirst().network());
    }

    @Test
    void joiningMakesTheFirstEndpointTheModeWithItsAliasesAddressAndThePorts() {
        NetworkEndpoint front = new NetworkEndpoint("front", List.of("web"), Optional.of("10.1.0.5"));
        NetworkEndpoint back = new NetworkEndpoint("back", List.of("api"), Optional.empty());

        ContainerNetwork network = ContainerNetwork.joining(List.of(front, back), List.of("8080:80"));

        assertThat(network).isEqualTo(new ContainerNetwork("front", List.of("web"), Optional.of("10.1.0.5"),
                List.of("8080:80"), false, List.of(), List.of(), List.of(back)));
    }

    @Test
    void noEndpointIsTheDefaultBridgeAndTheSevenComponentFormJoinsNothingMore() {
        assertThat(ContainerNetwork.joining(List.of(), List.of())).isEqualTo(ContainerNetwork.BRIDGE);
        assertThat(ContainerNetwork.named("web").more()).isEmpty();
    }

    @Test
    void anEndpointNeedsANetwork() {
        assertThatThrownBy(() -> NetworkEndpoint.named(" ")).hasMessage("network name/id is not specified");
    }
}
