package dev.berth.container;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One mount of a container as resolved when it was made, kept in its record: what {@code start} mounts again,
 * which volumes it uses (a volume in use cannot be removed), and which anonymous ones go with it ({@code rm -v},
 * {@code --rm}).
 *
 * @param type      bind, volume or tmpfs
 * @param name      a volume's name; empty for the others
 * @param hostPath  what is bound: the host path, or the volume's {@code _data}; empty for a tmpfs
 * @param target    the absolute path in the container
 * @param anonymous a volume made for this container alone (an image VOLUME or {@code -v /path})
 * @param options   a tmpfs's mount options
 */
public record ContainerMount(Type type, Optional<String> name, Optional<Path> hostPath, String target,
        boolean readOnly, boolean anonymous, List<String> options) {

    public enum Type { BIND, VOLUME, TMPFS }

    public ContainerMount {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hostPath, "hostPath");
        Objects.requireNonNull(target, "target");
        options = List.copyOf(options);
        if (type == Type.VOLUME && name.isEmpty()) {
            throw new IllegalArgumentException("a volume mount names its volume: " + target);
        }
        if (type != Type.TMPFS && hostPath.isEmpty()) {
            throw new IllegalArgumentException("a bind or volume mount has a host path: " + target);
        }
    }

    public boolean usesVolume(String volume) {
        return type == Type.VOLUME && name.orElseThrow().equals(volume);
    }
}
