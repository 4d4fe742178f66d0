package dev.berth.cli;

import dev.berth.api.ContainerNetwork;
import dev.berth.api.NetworkEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code berth run}'s repeatable {@code --network} as Docker 25's client reads it: a name, or the long form
 * {@code name=NET[,alias=A]...[,ip=IPv4][,driver-opt=K=V]} (comma-separated, fields in any order, CSV quoting).
 * {@code --network-alias} and {@code --ip} apply to the first network, and may not be given both ways for it.
 */
final class RunNetworkFlags {

    /** Docker's test for the long form: some {@code word=word} in it. */
    private static final Pattern LONG_FORM = Pattern.compile("\\w+=\\w+(,\\w+=\\w+)*");

    private RunNetworkFlags() {
    }

    /**
     * One {@code --network} value.
     *
     * @throws IllegalArgumentException with Docker's client's message ({@code invalid field key K},
     *     {@code network name/id is not specified})
     */
    static NetworkEndpoint endpoint(String value) {
        if (!LONG_FORM.matcher(value).find()) {
            // Kept as given: Docker records HostConfig.NetworkMode "default", and Berth's networks read it as bridge.
            return NetworkEndpoint.named(value);
        }
        String name = "";
        List<String> aliases = new ArrayList<>();
        Optional<String> ip = Optional.empty();
        for (String field : csvFields(value)) {
            int equals = field.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("invalid field " + field);
            }
            // Docker lowers the whole field; Berth only the key, as network names and aliases may have capitals.
            String key = field.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String text = field.substring(equals + 1).strip();
            switch (key) {
                case "name" -> name = text;
                case "alias" -> aliases.add(text);
                case "ip" -> ip = Optional.of(text);
                case "driver-opt" -> {
                    if (!text.contains("=")) {
                        throw new IllegalArgumentException("invalid key value pair format in driver options");
                    }
                    // netavark's bridge driver has no per-endpoint options Berth passes on: accepted, unused.
                }
                case "ip6", "mac-address", "link-local-ip", "gw-priority" -> throw new IllegalArgumentException(
                        "--network " + key + "=: not supported (Berth's networks are IPv4 bridges with chosen MACs)");
                default -> throw new IllegalArgumentException("invalid field key " + key);
            }
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("network name/id is not specified");
        }
        return new NetworkEndpoint(name, aliases, ip);
    }

    /**
     * The container's networks from every {@code --network} (none: {@code default}, the default bridge) and the flags of the
     * first one.
     *
     * @throws IllegalArgumentException with Docker's message for a conflict
     */
    static ContainerNetwork containerNetwork(List<String> networks, List<String> aliases, String ip,
            List<String> publish, boolean publishAll, List<String> addHosts, List<String> dns) {
        List<NetworkEndpoint> endpoints = new ArrayList<>();
        for (String value : networks.isEmpty() ? List.of("default") : networks) {
            endpoints.add(endpoint(value));
        }
        NetworkEndpoint first = endpoints.getFirst();
        if (!aliases.isEmpty() && !first.aliases().isEmpty()) {
            throw new IllegalArgumentException(
                    "conflicting options: cannot specify both --network-alias and per-network alias");
        }
        if (ip != null && first.ip().isPresent()) {
            throw new IllegalArgumentException("conflicting options: cannot specify both --ip and per-network IPv4 address");
        }
        List<String> firstAliases = new ArrayList<>(first.aliases());
        firstAliases.addAll(aliases);
        Optional<String> firstIp = first.ip().or(() -> Optional.ofNullable(ip));
        return new ContainerNetwork(first.network(), firstAliases, firstIp, publish, publishAll, addHosts, dns,
                endpoints.subList(1, endpoints.size()));
    }

    /** The fields of one CSV record, as Go's encoding/csv reads it (double quotes, {@code ""} for a quote). */
    private static List<String> csvFields(String value) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("invalid --network value " + value + ": extraneous or missing \" in quoted-field");
        }
        fields.add(field.toString());
        return fields;
    }
}
