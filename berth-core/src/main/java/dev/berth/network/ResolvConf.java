package dev.berth.network;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A container's {@code /etc/resolv.conf}. On a network with DNS (user networks) the nameservers are aardvark-dns's
 * addresses, so container names resolve, and the search domains are netavark's ({@code dns.podman}) then the host's;
 * aardvark-dns forwards other names to the host's resolvers. Without DNS (the default {@code bridge}, as Docker's) it
 * is the host's file with the nameservers a container cannot reach removed (loopback ones, and IPv6 ones as Berth's
 * networks are IPv4 only), falling back to Google's public resolvers when none is left — Docker's rules.
 */
public final class ResolvConf {

    /** Docker's fallback when the host has no nameserver a container can use. */
    static final List<String> FALLBACK = List.of("8.8.8.8", "8.8.4.4");
    /** The most nameservers the resolver reads. */
    private static final int MAX_NAMESERVERS = 3;

    private ResolvConf() {
    }

    /** The file for a container with {@code setup}, given the text of the host's {@code /etc/resolv.conf}. */
    public static String forContainer(String hostResolvConf, NetworkSetup setup) {
        List<String> nameservers = new ArrayList<>();
        Set<String> search = new LinkedHashSet<>();
        List<String> options = new ArrayList<>();
        List<String> hostServers = new ArrayList<>();
        for (String line : hostResolvConf.lines().toList()) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 2 || words[0].startsWith("#") || words[0].startsWith(";")) {
                continue;
            }
            switch (words[0]) {
                case "nameserver" -> hostServers.add(words[1]);
                // The resolver uses the last search (or domain) line.
                case "search", "domain" -> {
                    search.clear();
                    search.addAll(List.of(words).subList(1, words.length));
                }
                case "options" -> options.addAll(List.of(words).subList(1, words.length));
                default -> {
                    // sortlist and the like: not for a container.
                }
            }
        }
        List<Ipv4Address> aardvark = setup.dnsServers();
        Set<String> domains = new LinkedHashSet<>();
        if (!aardvark.isEmpty()) {
            aardvark.forEach(server -> nameservers.add(server.toString()));
            domains.addAll(setup.searchDomains());
        } else {
            for (String server : hostServers) {
                if (Ipv4Address.isValid(server) && !Ipv4Address.parse(server).isLoopback()) {
                    nameservers.add(server);
                }
            }
            if (nameservers.isEmpty()) {
                nameservers.addAll(FALLBACK);
            }
        }
        domains.addAll(search);
        StringBuilder text = new StringBuilder();
        nameservers.stream().distinct().limit(MAX_NAMESERVERS)
                .forEach(server -> text.append("nameserver ").append(server).append('\n'));
        if (!domains.isEmpty()) {
            text.append("search ").append(String.join(" ", domains)).append('\n');
        }
        if (!options.isEmpty()) {
            text.append("options ").append(String.join(" ", options)).append('\n');
        }
        return text.toString();
    }
}
