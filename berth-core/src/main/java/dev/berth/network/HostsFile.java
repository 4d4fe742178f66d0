package dev.berth.network;

import java.util.List;

/**
 * A container's {@code /etc/hosts} on bridge networks, as Docker writes it: localhost and the IPv6 names, then the
 * container's own address on each network with its hostname (Docker's default hostname is the short id). Other
 * containers are not listed: on user networks aardvark-dns answers for them.
 */
public final class HostsFile {

    private static final String BASE = """
            127.0.0.1\tlocalhost
            ::1\tlocalhost ip6-localhost ip6-loopback
            fe00::0\tip6-localnet
            ff00::0\tip6-mcastprefix
            ff02::1\tip6-allnodes
            ff02::2\tip6-allrouters
            """;

    private HostsFile() {
    }

    /** The file for a container called {@code hostname} (with {@code domainName} when not empty) at {@code endpoints}. */
    public static String forContainer(String hostname, String domainName, List<Endpoint> endpoints) {
        String names = domainName.isEmpty() ? hostname : hostname + "." + domainName + " " + hostname;
        StringBuilder text = new StringBuilder(BASE);
        endpoints.stream().map(Endpoint::address).distinct()
                .forEach(address -> text.append(address).append('\t').append(names).append('\n'));
        return text.toString();
    }
}
