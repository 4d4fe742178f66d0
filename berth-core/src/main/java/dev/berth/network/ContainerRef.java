package dev.berth.network;

import java.util.Objects;

/**
 * A container as the network package needs to name it: in DNS, in netavark's rules, in error messages.
 *
 * @param id the 64-hex-digit container id
 * @param name the container's name (without Docker's leading slash)
 */
public record ContainerRef(String id, String name) {

    public ContainerRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (!id.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a container id is 64 lowercase hex digits: " + id);
        }
    }

    /** The first 12 digits, Docker's short id and default hostname. */
    public String shortId() {
        return id.substring(0, 12);
    }
}
