/**
 * {@code berth check IMAGE}: what only a built image shows, read offline from its config and its stored layers
 * ({@link dev.berth.sbom.MergedLayers}): it runs as root, it exposes ports with no healthcheck, bytes that later
 * layers delete or overwrite, setuid/setgid files, an end-of-life base distribution ({@link DistroLifecycle},
 * judged by a date the caller gives). Reads {@code image} and {@code sbom}; the façade calls it.
 */
package dev.berth.imagecheck;
