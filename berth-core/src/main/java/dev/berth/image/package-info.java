/**
 * The image model of the OCI image spec and Docker's v2.2 format, as immutable records, one canonical
 * JSON codec for them, and Docker's image reference grammar.
 *
 * <p>Owns {@link dev.berth.image.Digest}, {@link dev.berth.image.MediaType} (standard types as
 * {@link dev.berth.image.StandardMediaType}, anything else kept verbatim), {@link dev.berth.image.Descriptor},
 * {@link dev.berth.image.Platform}, {@link dev.berth.image.Manifest}, {@link dev.berth.image.ImageIndex}
 * (also Docker manifest lists), {@link dev.berth.image.ImageConfig} with its
 * {@link dev.berth.image.ContainerConfig}, and {@link dev.berth.image.ImageReference}.
 *
 * <p>Takes bytes (manifests, indexes, configs from a store or a registry) and reference strings (from a
 * Dockerfile or the command line); gives records, canonical bytes and digests. {@link dev.berth.image.ImageJson}
 * reads tolerantly (unknown members ignored, or kept in an image config) but refuses wrong types, duplicate
 * keys and oversized input with an {@code InvalidInputException} naming the member path; it writes in one
 * fixed form, so one image always has one digest. Empty strings and collections in the records mean "not
 * set", as Go's {@code omitempty} does. Depends on nothing in Berth but {@code dev.berth.diagnostic} and
 * {@code dev.berth.error}, and on Jackson's tree model for parsing only.
 */
package dev.berth.image;
