package dev.berth.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An image config (OCI {@code application/vnd.oci.image.config.v1+json} or Docker
 * {@code application/vnd.docker.container.image.v1+json}): the platform, the container defaults, the
 * layers' diff IDs and the history. Its canonical JSON's digest is the image ID. Empty strings and
 * lists mean "not set" and are omitted from JSON.
 *
 * @param created when the image was made; written as Go's RFC 3339 with nanoseconds
 * @param extra top-level fields Berth does not model ({@code container_config}, {@code docker_version},
 *     ...), by name, kept so a round-trip drops nothing
 */
public record ImageConfig(
        Optional<Instant> created,
        String author,
        String architecture,
        String os,
        String osVersion,
        List<String> osFeatures,
        String variant,
        ContainerConfig config,
        RootFs rootFs,
        List<HistoryEntry> history,
        Map<String, RawJson> extra) {

    /** The top-level members this record models; {@code extra} may not use these names. */
    static final Set<String> MEMBERS = Set.of("created", "author", "architecture", "os", "os.version",
            "os.features", "variant", "config", "rootfs", "history");

    public ImageConfig {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(osVersion, "osVersion");
        osFeatures = List.copyOf(osFeatures);
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(rootFs, "rootFs");
        history = List.copyOf(history);
        extra = Map.copyOf(extra);
        ContainerConfig.requireUnmodelled(extra, MEMBERS);
    }

    /** The config of an image with no layers, no history and default container settings. */
    public static ImageConfig empty(Platform platform) {
        return new ImageConfig(Optional.empty(), "", platform.architecture(), platform.os(), platform.osVersion(),
                platform.osFeatures(), platform.variant(), ContainerConfig.EMPTY, RootFs.layers(List.of()),
                List.of(), Map.of());
    }

    public Platform platform() {
        return new Platform(os, architecture, variant, osVersion, osFeatures);
    }

    public ImageConfig withConfig(ContainerConfig value) {
        return new ImageConfig(created, author, architecture, os, osVersion, osFeatures, variant, value, rootFs,
                history, extra);
    }

    /** This config with one more layer and its history entry appended. */
    public ImageConfig withLayer(Digest diffId, HistoryEntry entry) {
        List<Digest> diffIds = new ArrayList<>(rootFs.diffIds());
        diffIds.add(diffId);
        return withHistory(new RootFs(rootFs.type(), diffIds), entry);
    }

    /** This config with a history entry for a step that made no layer. */
    public ImageConfig withEmptyLayer(HistoryEntry entry) {
        return withHistory(rootFs, entry);
    }

    public ImageConfig withCreated(Optional<Instant> value) {
        return new ImageConfig(value, author, architecture, os, osVersion, osFeatures, variant, config, rootFs,
                history, extra);
    }

    private ImageConfig withHistory(RootFs newRootFs, HistoryEntry entry) {
        List<HistoryEntry> entries = new ArrayList<>(history);
        entries.add(entry);
        return new ImageConfig(created, author, architecture, os, osVersion, osFeatures, variant, config, newRootFs,
                entries, extra);
    }
}
