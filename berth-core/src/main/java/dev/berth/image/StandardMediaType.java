package dev.berth.image;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The media types of the OCI image spec and Docker's image manifest v2.2 that Berth knows by name. */
public enum StandardMediaType implements MediaType {
    OCI_MANIFEST("application/vnd.oci.image.manifest.v1+json", Kind.MANIFEST, Compression.NONE),
    OCI_INDEX("application/vnd.oci.image.index.v1+json", Kind.INDEX, Compression.NONE),
    OCI_CONFIG("application/vnd.oci.image.config.v1+json", Kind.CONFIG, Compression.NONE),
    OCI_EMPTY("application/vnd.oci.empty.v1+json", Kind.OTHER, Compression.NONE),
    OCI_LAYER("application/vnd.oci.image.layer.v1.tar", Kind.LAYER, Compression.NONE),
    OCI_LAYER_GZIP("application/vnd.oci.image.layer.v1.tar+gzip", Kind.LAYER, Compression.GZIP),
    OCI_LAYER_ZSTD("application/vnd.oci.image.layer.v1.tar+zstd", Kind.LAYER, Compression.ZSTD),
    OCI_LAYER_NONDISTRIBUTABLE(
            "application/vnd.oci.image.layer.nondistributable.v1.tar", Kind.LAYER, Compression.NONE),
    OCI_LAYER_NONDISTRIBUTABLE_GZIP(
            "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip", Kind.LAYER, Compression.GZIP),
    OCI_LAYER_NONDISTRIBUTABLE_ZSTD(
            "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd", Kind.LAYER, Compression.ZSTD),
    DOCKER_MANIFEST("application/vnd.docker.distribution.manifest.v2+json", Kind.MANIFEST, Compression.NONE),
    DOCKER_MANIFEST_LIST(
            "application/vnd.docker.distribution.manifest.list.v2+json", Kind.INDEX, Compression.NONE),
    DOCKER_CONFIG("application/vnd.docker.container.image.v1+json", Kind.CONFIG, Compression.NONE),
    DOCKER_LAYER("application/vnd.docker.image.rootfs.diff.tar", Kind.LAYER, Compression.NONE),
    DOCKER_LAYER_GZIP("application/vnd.docker.image.rootfs.diff.tar.gzip", Kind.LAYER, Compression.GZIP),
    DOCKER_LAYER_ZSTD("application/vnd.docker.image.rootfs.diff.tar.zstd", Kind.LAYER, Compression.ZSTD),
    DOCKER_LAYER_FOREIGN("application/vnd.docker.image.rootfs.foreign.diff.tar", Kind.LAYER, Compression.NONE),
    DOCKER_LAYER_FOREIGN_GZIP(
            "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip", Kind.LAYER, Compression.GZIP);

    /** What a blob of this type is. */
    public enum Kind { MANIFEST, INDEX, CONFIG, LAYER, OTHER }

    private static final Map<String, StandardMediaType> BY_VALUE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(StandardMediaType::value, Function.identity()));

    private final String value;
    private final Kind kind;
    private final Compression compression;

    StandardMediaType(String value, Kind kind, Compression compression) {
        this.value = value;
        this.kind = kind;
        this.compression = compression;
    }

    static Optional<StandardMediaType> byValue(String value) {
        return Optional.ofNullable(BY_VALUE.get(value));
    }

    @Override
    public String value() {
        return value;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public boolean isLayer() {
        return kind == Kind.LAYER;
    }

    @Override
    public Compression compression() {
        return compression;
    }

    /** True for the types of Docker's v2.2 format, whose descriptors Docker writes in its own key order. */
    public boolean isDocker() {
        return value.startsWith("application/vnd.docker.");
    }

    /**
     * True for layers a registry may refuse to hold (OCI nondistributable, Docker foreign): they are
     * fetched from the descriptor's {@code urls} and never pushed.
     */
    public boolean isNondistributable() {
        return value.contains(".nondistributable.") || value.contains(".foreign.");
    }
}
