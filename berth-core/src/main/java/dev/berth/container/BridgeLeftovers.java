package dev.berth.container;

import dev.berth.network.ContainerRef;
import dev.berth.recovery.OwnerRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a killed {@code berth} left on bridge networks: netavark's setup (veth, rules, leases) and the network
 * namespace of one of this store's containers that no longer exists (netavark's state is the host's: only the
 * containers {@link BridgeAttachments} recorded for this store are looked at). A container with a record is left
 * alone ({@code start} and {@code rm} set up and tear down its networks themselves), so is a foreground run whose
 * owner process lives, and so is a setup younger than {@link #GRACE}: a run between its network setup and the owner
 * record its sandbox writes next.
 */
public final class BridgeLeftovers {

    /** How long a setup without a record or a live owner is given before it counts as left over. */
    static final Duration GRACE = Duration.ofMinutes(1);

    private BridgeLeftovers() {
    }

    /**
     * Tears down the networks of gone containers, then deletes their namespaces.
     *
     * @param root     the store's {@code containers/} (records and foreground bundles)
     * @param failures collects what could not be undone, each naming the container
     * @return the ids cleaned up
     */
    public static List<String> sweep(Path root, BridgeAttachments bridges, Instant now, List<String> failures) {
        List<String> owned = bridges.owned();
        if (owned.isEmpty()) {
            return List.of();
        }
        Set<String> known = new ContainerRecords(root).all().stream().map(ContainerRecord::id).collect(Collectors.toSet());
        List<String> swept = new ArrayList<>();
        for (String id : owned) {
            boolean young = bridges.setUpAt(id).map(at -> at.isAfter(now.minus(GRACE))).orElse(true);
            OwnerRecord.Claim claim = OwnerRecord.claimOn(root.resolve(id));
            // A run whose owner record names a dead process is gone however young its setup: the owner record is
            // written before the network is set up, so the grace is only for setups made without one.
            if (known.contains(id) || claim == OwnerRecord.Claim.LIVE || (young && claim == OwnerRecord.Claim.NONE)) {
                continue;
            }
            try {
                bridges.detach(new ContainerRef(id, id.substring(0, 12)));
                swept.add(id);
            } catch (RuntimeException e) {
                failures.add("tearing down the networks of gone container " + id + ": " + e.getMessage());
            }
        }
        return List.copyOf(swept);
    }
}
