package dev.berth.network;

/**
 * An IPv4 address, parsed as Go's {@code net.ParseIP} does for dotted quads: four decimal octets, no leading zeros,
 * none of the BSD short forms {@link java.net.InetAddress} accepts (and never a name lookup).
 *
 * @param bits the address in network order, as an unsigned 32-bit value held in an int
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

    /** The address {@code text} spells, or a {@link NetworkArgumentException} saying {@code invalid IP address: TEXT}. */
    public static Ipv4Address parse(String text) {
        Ipv4Address address = parseOrNull(text);
        if (address == null) {
            throw new NetworkArgumentException(text, "invalid IP address: " + text);
        }
        return address;
    }

    /** Whether {@code text} is a dotted-quad IPv4 address. */
    public static boolean isValid(String text) {
        return parseOrNull(text) != null;
    }

    static Ipv4Address parseOrNull(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int bits = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int octet = 0;
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                octet = octet * 10 + (c - '0');
            }
            if (octet > 255) {
                return null;
            }
            bits = (bits << 8) | octet;
        }
        return new Ipv4Address(bits);
    }

    /** The address {@code offset} further on (wrapping at 2^32, which callers stay clear of). */
    public Ipv4Address plus(long offset) {
        return new Ipv4Address((int) (unsigned() + offset));
    }

    /** The address as an unsigned number. */
    public long unsigned() {
        return Integer.toUnsignedLong(bits);
    }

    /** Whether this is in 127.0.0.0/8. */
    public boolean isLoopback() {
        return (bits >>> 24) == 127;
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff) + "." + (bits & 0xff);
    }
}
