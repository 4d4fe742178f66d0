package dev.berth.store;

import java.util.Objects;
import java.util.Optional;

/**
 * One image listed in {@code index.json}: its descriptor and, when tagged, the full reference name
 * stored in its {@code org.opencontainers.image.ref.name} annotation. An entry without a name is a
 * dangling image.
 */
public record IndexEntry(IndexDescriptor descriptor, Optional<String> name) {

    public IndexEntry {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(name, "name");
    }

    public boolean isDangling() {
        return name.isEmpty();
    }
}
