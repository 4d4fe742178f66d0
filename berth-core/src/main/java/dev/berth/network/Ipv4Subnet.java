package dev.berth.network;

import java.util.Objects;

/**
 * An IPv4 network in CIDR form, {@code 10.87.1.0/24}: its base address has no host bits set.
 *
 * @param base the first address
 * @param prefix the number of network bits, 0 to 32
 */
public record Ipv4Subnet(Ipv4Address base, int prefix) {

    public Ipv4Subnet {
        Objects.requireNonNull(base, "base");
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("an IPv4 prefix is 0 to 32 bits: " + prefix);
        }
        if ((base.bits() & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("subnet base " + base + "/" + prefix + " has host bits set");
        }
    }

    /**
     * The subnet {@code text} spells. Docker's messages: {@code invalid CIDR address: TEXT} for what is no CIDR at all,
     * {@code invalid subnet 10.0.0.1/24: it should be 10.0.0.0/24} for an address with host bits set.
     */
    public static Ipv4Subnet parse(String text) {
        int slash = text.indexOf('/');
        Ipv4Address address = slash < 0 ? null : Ipv4Address.parseOrNull(text.substring(0, slash));
        String bits = slash < 0 ? "" : text.substring(slash + 1);
        if (address == null || !bits.matches("[0-9]{1,2}") || (bits.length() > 1 && bits.charAt(0) == '0')
                || Integer.parseInt(bits) > 32) {
            throw new NetworkArgumentException(text, "invalid CIDR address: " + text);
        }
        int prefix = Integer.parseInt(bits);
        Ipv4Subnet subnet = containing(address, prefix);
        if (!subnet.base().equals(address)) {
            throw new NetworkArgumentException(text, "invalid subnet " + text + ": it should be " + subnet);
        }
        return subnet;
    }

    /** The subnet of {@code prefix} bits that holds {@code address}. */
    public static Ipv4Subnet containing(Ipv4Address address, int prefix) {
        return new Ipv4Subnet(new Ipv4Address(address.bits() & mask(prefix)), prefix);
    }

    public boolean contains(Ipv4Address address) {
        return (address.bits() & mask(prefix)) == base.bits();
    }

    /** Whether the two share any address (one holds the other, as CIDR blocks never partly overlap). */
    public boolean overlaps(Ipv4Subnet other) {
        return contains(other.base) || other.contains(base);
    }

    /** How many addresses it spans, network and broadcast addresses included. */
    public long size() {
        return 1L << (32 - prefix);
    }

    /** The last address (the broadcast address of a subnet of 30 bits or fewer). */
    public Ipv4Address last() {
        return base.plus(size() - 1);
    }

    /** Whether containers may have {@code address}: inside, and neither the network nor the broadcast address. */
    public boolean isHost(Ipv4Address address) {
        return contains(address) && (prefix >= 31 || (!address.equals(base) && !address.equals(last())));
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    @Override
    public String toString() {
        return base + "/" + prefix;
    }
}
