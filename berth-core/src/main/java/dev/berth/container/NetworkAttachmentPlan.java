package dev.berth.container;

import dev.berth.network.Attachment;
import dev.berth.network.Ipv4Address;
import dev.berth.network.NetworkArgumentException;
import dev.berth.network.NetworkDefinition;
import dev.berth.network.NetworkStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The networks a container's options name, looked up in the store, as netavark attachments in order (the first
 * gives the default route and carries the published ports). A container on several networks is on user networks
 * only, each once: checked here again by network id, since two names (a name and an id prefix) can be one network.
 */
final class NetworkAttachmentPlan {

    private NetworkAttachmentPlan() {
    }

    /**
     * @throws dev.berth.error.NotFoundException {@code network NAME not found}
     * @throws NetworkArgumentException for an alias on the default bridge, a malformed {@code --ip}, the default
     *     bridge among several networks, or one network twice
     */
    static List<Attachment> attachments(NetworkStore store, NetworkOptions options) {
        List<NetworkJoin> joins = options.joins();
        List<Attachment> attachments = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (NetworkJoin join : joins) {
            NetworkDefinition network = store.get(join.network());
            if (network.isDefault() && !join.aliases().isEmpty()) {
                throw new NetworkArgumentException(join.aliases().getFirst(),
                        "network-scoped alias is supported only for containers in user defined networks");
            }
            if (network.isDefault() && joins.size() > 1) {
                throw new NetworkArgumentException(join.network(),
                        "conflicting options: cannot attach both user-defined and non-user-defined network-modes");
            }
            if (!ids.add(network.id())) {
                throw new NetworkArgumentException(join.network(),
                        "network \"" + network.name() + "\" is specified multiple times");
            }
            attachments.add(new Attachment(network, join.aliases(), join.ip().map(Ipv4Address::parse)));
        }
        return List.copyOf(attachments);
    }
}
