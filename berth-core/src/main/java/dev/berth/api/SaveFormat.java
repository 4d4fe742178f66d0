package dev.berth.api;

/** The archive layouts {@link Berth#save} writes ({@code --format}). */
public enum SaveFormat {
    /**
     * What {@code docker save} writes since Docker 25: an OCI layout plus Docker's {@code manifest.json} and
     * {@code repositories}, so both {@code docker load} and OCI tools read it.
     */
    DOCKER,
    /** An OCI image layout only, as {@code skopeo copy ... oci-archive:} writes it. */
    OCI
}
