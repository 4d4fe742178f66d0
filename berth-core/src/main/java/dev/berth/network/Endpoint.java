package dev.berth.network;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a container ended up on one network, from netavark's status answer.
 *
 * @param network the network's name
 * @param interfaceName the interface inside the container ({@code eth0}, {@code eth1}, … in attachment order)
 * @param macAddress its MAC address
 * @param address the container's address
 * @param prefix the subnet's prefix length
 * @param gateway the gateway, empty on an internal network
 * @param dnsServers aardvark-dns's addresses for this network; empty when DNS is off
 * @param searchDomains the search domains netavark suggests ({@code dns.podman}); empty when DNS is off
 */
public record Endpoint(String network, String interfaceName, String macAddress, Ipv4Address address, int prefix,
        Optional<Ipv4Address> gateway, List<Ipv4Address> dnsServers, List<String> searchDomains) {

    public Endpoint {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(macAddress, "macAddress");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(gateway, "gateway");
        dnsServers = List.copyOf(dnsServers);
        searchDomains = List.copyOf(searchDomains);
    }
}
