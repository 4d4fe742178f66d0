package dev.berth.snapshot;

import dev.berth.image.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chain IDs as the OCI image spec defines them: the first layer's is its diffID, each next one
 * {@code sha256(parentChainID + " " + diffID)}. A chain ID names a stack of layers, so a snapshot of it is
 * shared by every image that starts with those layers.
 */
public final class ChainIds {

    private ChainIds() {
    }

    /** The chain ID of {@code diffId} applied on top of {@code parent}. */
    public static Digest next(Optional<Digest> parent, Digest diffId) {
        return parent.map(p -> Digest.sha256((p + " " + diffId).getBytes(StandardCharsets.UTF_8))).orElse(diffId);
    }

    /** The chain ID of every prefix of {@code diffIds}, base first. */
    public static List<Digest> of(List<Digest> diffIds) {
        List<Digest> chain = new ArrayList<>(diffIds.size());
        Optional<Digest> parent = Optional.empty();
        for (Digest diffId : diffIds) {
            Digest id = next(parent, diffId);
            chain.add(id);
            parent = Optional.of(id);
        }
        return List.copyOf(chain);
    }

    /** Fails when the layer just applied does not have the diffID that {@code chainId} was computed from. */
    static void check(Digest chainId, Optional<Digest> parent, String layer, dev.berth.layer.ExtractResult applied) {
        if (!next(parent, applied.diffId()).equals(chainId)) {
            throw new dev.berth.error.StoreException("unpacking layer " + layer + " as snapshot " + chainId
                    + ": its content has diffID " + applied.diffId() + ", which gives another chain ID");
        }
    }
}
