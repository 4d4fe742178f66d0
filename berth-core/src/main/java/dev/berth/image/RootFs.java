package dev.berth.image;

import java.util.List;
import java.util.Objects;

/**
 * The config's {@code rootfs}: the uncompressed digests (diff IDs) of the layers, lowest first.
 *
 * @param type always {@code layers} in images Berth writes; kept verbatim when read
 */
public record RootFs(String type, List<Digest> diffIds) {

    public RootFs {
        Objects.requireNonNull(type, "type");
        diffIds = List.copyOf(diffIds);
    }

    public static RootFs layers(List<Digest> diffIds) {
        return new RootFs("layers", diffIds);
    }
}
