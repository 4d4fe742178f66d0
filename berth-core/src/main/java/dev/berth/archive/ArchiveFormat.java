package dev.berth.archive;

/** The archive layouts {@code save} writes. */
public enum ArchiveFormat {
    /**
     * What {@code docker save} writes since Docker 25: an OCI layout ({@code oci-layout}, {@code index.json},
     * {@code blobs/}) plus Docker's {@code manifest.json} and {@code repositories}, so both {@code docker load}
     * and OCI tools read it.
     */
    DOCKER,
    /** An OCI image layout only, as {@code skopeo copy ... oci-archive:} writes it. */
    OCI
}
