/**
 * The image model of the OCI image spec and Docker's v2.2 format, as immutable records, and one
 * canonical JSON codec for them.
 *
 * <p>Owns {@link dev.berth.image.Digest}, descriptors, manifests, image indexes, the image config and
 * image references. Reading tolerates unknown fields; writing is canonical, so one image always has one
 * digest. Depends on nothing in Berth but {@code dev.berth.error}.
 */
package dev.berth.image;
