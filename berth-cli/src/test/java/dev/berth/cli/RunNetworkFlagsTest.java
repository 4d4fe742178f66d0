package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.ContainerNetwork;
import dev.berth.api.NetworkEndpoint;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code berth run --network}, repeated and in Docker 25's long form, and how the first network's flags combine. */
class RunNetworkFlagsTest {

    @ParameterizedTest(name = "--network {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            web                                         | web     | -         | -
            default                                     | default | -         | -
            name=web                                    | web     | -         | -
            name=web,alias=api                          | web     | api       | -
            name=web,alias=api,alias=www,ip=10.1.0.5    | web     | api www   | 10.1.0.5
            alias=api,name=web                          | web     | api       | -
            NAME=web, Alias = api                       | web     | api       | -
            name=web,driver-opt=com.example.x=1         | web     | -         | -
            """)
    void aValueIsANameOrTheLongForm(String value, String network, String aliases, String ip) {
        NetworkEndpoint endpoint = RunNetworkFlags.endpoint(value);
        assertThat(endpoint.network()).isEqualTo(network);
        assertThat(endpoint.aliases()).isEqualTo(aliases == null ? List.of() : Arrays.asList(aliases.split(" ")));
        assertThat(endpoint.ip()).isEqualTo(Optional.ofNullable(ip));
    }

    @Test
    void aQuotedFieldMayHoldACommaAndDoubledQuotes() {
        // Go's encoding/csv, as Docker's client reads the value: "alias=a,""b" is one field.
        assertThat(RunNetworkFlags.endpoint("name=web,\"alias=a,\"\"b\"").aliases()).containsExactly("a,\"b");
    }

    @ParameterizedTest(name = "--network {0}")
    @CsvSource(delimiter = '|', textBlock = """
            alias=api                     | network name/id is not specified
            name=web,color=red            | invalid field key color
            name=web,alias                | invalid field alias
            name=web,driver-opt=x         | invalid key value pair format in driver options
            name=web,ip6=fd00::5          | --network ip6=: not supported
            name=web,mac-address=02:42:ac | --network mac-address=: not supported
            "name=web,""alias=a           | extraneous or missing \" in quoted-field
            """)
    void aMalformedLongFormIsRefusedWithDockersMessage(String value, String message) {
        assertThatThrownBy(() -> RunNetworkFlags.endpoint(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void networkAliasAndIpGoToTheFirstNetworkAndTheOthersFollowInOrder() {
        ContainerNetwork network = RunNetworkFlags.containerNetwork(List.of("a", "name=b,alias=x,ip=10.1.0.5", "c"),
                List.of("first"), "10.2.0.9", List.of("8080:80"), false, List.of(), List.of());

        assertThat(network.mode()).isEqualTo("a");
        assertThat(network.aliases()).containsExactly("first");
        assertThat(network.ip()).contains("10.2.0.9");
        assertThat(network.publish()).containsExactly("8080:80");
        assertThat(network.more()).containsExactly(new NetworkEndpoint("b", List.of("x"), Optional.of("10.1.0.5")),
                NetworkEndpoint.named("c"));
    }

    @Test
    void noNetworkIsTheDefaultBridge() {
        assertThat(RunNetworkFlags.containerNetwork(List.of(), List.of(), null, List.of(), false, List.of(), List.of()))
                .isEqualTo(ContainerNetwork.DEFAULT);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            name=a,alias=x  | y | -        | conflicting options: cannot specify both --network-alias and per-network alias
            name=a,ip=1.2.3.4 | - | 1.2.3.5 | conflicting options: cannot specify both --ip and per-network IPv4 address
            """)
    void theFirstNetworksFlagsAreGivenOneWayOnly(String value, String alias, String ip, String message) {
        assertThatThrownBy(() -> RunNetworkFlags.containerNetwork(List.of(value),
                alias == null ? List.of() : List.of(alias), ip, List.of(), false, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
