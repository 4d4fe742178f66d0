package dev.berth.network;

import dev.berth.error.ExecutionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 destinations the host routes somewhere, from {@code /proc/net/route} (the main table): a new network's
 * subnet must overlap none of them, or its containers could not reach those hosts (or the host them).
 * The default route is left out: everything overlaps it.
 */
public final class HostRoutes {

    private HostRoutes() {
    }

    /** The routed subnets of this host's network namespace. */
    public static List<Ipv4Subnet> read() {
        try {
            return parse(Files.readString(Path.of("/proc/net/route"), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ExecutionException("reading the host's routes from /proc/net/route: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The routes of a {@code /proc/net/route} text: a header line, then per route the interface, destination, gateway,
     * flags, refcount, use, metric and mask, addresses in the host's (little-endian) byte order as 8 hex digits.
     */
    static List<Ipv4Subnet> parse(String table) {
        List<Ipv4Subnet> routes = new ArrayList<>();
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].trim().split("\\s+");
            if (fields.length < 8) {
                continue;
            }
            int destination = Integer.reverseBytes(Integer.parseUnsignedInt(fields[1], 16));
            int mask = Integer.reverseBytes(Integer.parseUnsignedInt(fields[7], 16));
            int prefix = Integer.bitCount(mask);
            if (prefix == 0) {
                continue;
            }
            routes.add(Ipv4Subnet.containing(new Ipv4Address(destination), prefix));
        }
        return List.copyOf(routes);
    }
}
