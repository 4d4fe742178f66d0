package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.network.NetworkArgumentException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --network container:X}: what the options say of the mode, and the refusals of dockerd's
 * {@code validateNetContainerMode} and endpoint checks, in its words, for each flag Docker refuses beside it.
 */
class NetworkNamespaceSharingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            container:web     | web  | false | 0
            container:4f2a9c  | 4f2a9c | false | 0
            bridge            | -    | true  | 1
            host              | -    | false | 1
            none              | -    | false | 1
            mynet             | -    | true  | 1
            containers        | -    | true  | 1
            """)
    void theModeSaysWhoseNamespaceIsShared(String mode, String shared, boolean bridged, int joins) {
        NetworkOptions options = NetworkOptions.of(mode);

        assertThat(options.sharedContainer().orElse("-")).isEqualTo(shared);
        assertThat(options.bridged()).isEqualTo(bridged);
        assertThat(options.joins()).hasSize(joins);
        assertThat(options.sharingWith("abc").mode()).isEqualTo("container:abc");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            hostname          # conflicting options: hostname and the network mode
            dns               # conflicting options: dns and the network mode
            add-host          # conflicting options: custom host-to-IP mapping and the network mode
            publish           # conflicting options: port publishing and the container type network mode
            publish-all       # conflicting options: port publishing and the container type network mode
            alias             # network-scoped alias is supported only for containers in user defined networks
            ip                # user specified IP address is supported on user defined networks only
            more              # container sharing network namespace with another container or host cannot be connected to any other network
            empty             # invalid network mode: invalid container format container:<name|id>
            """)
    void dockersRefusalsBesideAContainerMode(String flag, String message) {
        String mode = flag.equals("empty") ? "container:" : "container:web";
        var options = new NetworkOptions(mode, flag.equals("alias") ? List.of("a") : List.of(),
                flag.equals("ip") ? Optional.of("10.0.0.9") : Optional.empty(),
                flag.equals("publish") ? List.of("8080:80") : List.of(), flag.equals("publish-all"),
                flag.equals("add-host") ? List.of("a:10.0.0.1") : List.of(),
                flag.equals("dns") ? List.of("10.0.0.53") : List.of(),
                flag.equals("more") ? List.of(new NetworkJoin("other", List.of(), Optional.empty())) : List.of());
        Optional<String> hostname = flag.equals("hostname") ? Optional.of("h") : Optional.empty();

        assertThatThrownBy(() -> NetworkNamespaceSharing.check(options, hostname))
                .isInstanceOf(NetworkArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bridge", "host", "none", "mynet"})
    void otherModesAreNotCheckedHere(String mode) {
        var options = new NetworkOptions(mode, List.of(), Optional.empty(), List.of("8080:80"), false,
                List.of("a:10.0.0.1"), List.of("10.0.0.53"));

        assertThatCode(() -> NetworkNamespaceSharing.check(options, Optional.of("h"))).doesNotThrowAnyException();
        assertThatCode(() -> NetworkNamespaceSharing.check(NetworkOptions.of("container:web"), Optional.empty()))
                .doesNotThrowAnyException();
    }
}
