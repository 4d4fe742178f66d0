package dev.berth.network;

import dev.berth.error.ConflictException;
import java.util.Collection;
import java.util.Objects;

/**
 * Where networks without {@code --subnet} get theirs: the first block of {@code blockPrefix} bits in {@code range}
 * that overlaps nothing taken (other networks, host routes). Berth's default is {@link #DEFAULT}, 10.87.0.0/16 in /24s:
 * clear of Docker's pools (172.17.0.0/16 upwards, 192.168.0.0/16) and Podman's (10.88.0.0/16, 10.89.0.0/16 upwards),
 * so all three can share a host.
 *
 * @param range the addresses to cut blocks from
 * @param blockPrefix the size of each block
 */
public record SubnetPool(Ipv4Subnet range, int blockPrefix) {

    public static final SubnetPool DEFAULT = new SubnetPool(Ipv4Subnet.parse("10.87.0.0/16"), 24);

    public SubnetPool {
        Objects.requireNonNull(range, "range");
        if (blockPrefix < range.prefix() || blockPrefix > 30) {
            throw new IllegalArgumentException("blocks of /" + blockPrefix + " do not fit " + range);
        }
    }

    /**
     * The first free block.
     *
     * @throws ConflictException with Docker's message when every block is taken
     */
    public Ipv4Subnet allocate(Collection<Ipv4Subnet> taken) {
        long blocks = 1L << (blockPrefix - range.prefix());
        long step = 1L << (32 - blockPrefix);
        for (long i = 0; i < blocks; i++) {
            Ipv4Subnet candidate = new Ipv4Subnet(range.base().plus(i * step), blockPrefix);
            if (taken.stream().noneMatch(candidate::overlaps)) {
                return candidate;
            }
        }
        throw new ConflictException("could not find an available, non-overlapping IPv4 address pool "
                + "among the defaults to assign to the network (" + range + " in /" + blockPrefix + " blocks)");
    }
}
