package dev.berth.network;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link Netavark#setup} made of a container's networking.
 *
 * @param endpoints one per network, in the order they were attached
 * @param ports the published ports, host ports chosen
 */
public record NetworkSetup(List<Endpoint> endpoints, List<PortMapping> ports) {

    public NetworkSetup {
        endpoints = List.copyOf(endpoints);
        ports = List.copyOf(ports);
    }

    /** The aardvark-dns addresses of every DNS-enabled network, first network first, without repeats. */
    public List<Ipv4Address> dnsServers() {
        Set<Ipv4Address> servers = new LinkedHashSet<>();
        endpoints.forEach(endpoint -> servers.addAll(endpoint.dnsServers()));
        return List.copyOf(servers);
    }

    /** The search domains netavark gives for the DNS-enabled networks, without repeats. */
    public List<String> searchDomains() {
        Set<String> domains = new LinkedHashSet<>();
        endpoints.forEach(endpoint -> domains.addAll(endpoint.searchDomains()));
        return List.copyOf(domains);
    }
}
