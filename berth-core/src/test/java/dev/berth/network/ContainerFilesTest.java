package dev.berth.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code /etc/resolv.conf} and {@code /etc/hosts} of a container on bridge networks. */
class ContainerFilesTest {

    private static final String HOST = """
            # the host's
            nameserver 127.0.0.53
            nameserver 10.255.255.53
            nameserver fd00::53
            search old.example
            search corp.example lab.example
            options edns0 trust-ad
            sortlist 10.0.0.0
            """;

    private static Endpoint endpoint(String network, String address, List<String> dns) {
        return new Endpoint(network, "eth0", "02:00:00:00:00:01", Ipv4Address.parse(address), 24, Optional.empty(),
                dns.stream().map(Ipv4Address::parse).toList(), dns.isEmpty() ? List.of() : List.of("dns.podman"));
    }

    @Test
    void onADnsNetworkAardvarkIsTheNameserver() {
        NetworkSetup setup = new NetworkSetup(List.of(endpoint("app", "10.87.1.2", List.of("10.87.1.1")),
                endpoint("back", "10.87.2.2", List.of("10.87.2.1")), endpoint("bridge", "10.87.0.2", List.of())), List.of());
        assertThat(ResolvConf.forContainer(HOST, setup)).isEqualTo("""
                nameserver 10.87.1.1
                nameserver 10.87.2.1
                search dns.podman corp.example lab.example
                options edns0 trust-ad
                """);
    }

    @Test
    void withoutDnsTheHostsReachableResolversAreUsed() {
        NetworkSetup setup = new NetworkSetup(List.of(endpoint("bridge", "10.87.0.2", List.of())), List.of());
        assertThat(ResolvConf.forContainer(HOST, setup)).isEqualTo("""
                nameserver 10.255.255.53
                search corp.example lab.example
                options edns0 trust-ad
                """);
        assertThat(ResolvConf.forContainer("nameserver 127.0.0.53\n", setup)).isEqualTo("""
                nameserver 8.8.8.8
                nameserver 8.8.4.4
                """);
        assertThat(ResolvConf.forContainer("", setup)).startsWith("nameserver 8.8.8.8\n");
    }

    @Test
    void hostsNameTheContainerAtEachAddress() {
        List<Endpoint> endpoints = List.of(endpoint("app", "10.87.1.2", List.of()), endpoint("back", "10.87.2.2", List.of()));
        assertThat(HostsFile.forContainer("abcdef012345", "", endpoints)).isEqualTo("""
                127.0.0.1\tlocalhost
                ::1\tlocalhost ip6-localhost ip6-loopback
                fe00::0\tip6-localnet
                ff00::0\tip6-mcastprefix
                ff02::1\tip6-allnodes
                ff02::2\tip6-allrouters
                10.87.1.2\tabcdef012345
                10.87.2.2\tabcdef012345
                """);
        assertThat(HostsFile.forContainer("web", "example.org", endpoints.subList(0, 1)))
                .endsWith("10.87.1.2\tweb.example.org web\n");
    }
}
