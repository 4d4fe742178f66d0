package dev.berth.api;

import dev.berth.image.Digest;

/**
 * One image a pull stored.
 *
 * @param reference the full name it is stored under, {@code docker.io/library/alpine:latest}
 * @param digest the registry's digest for it (an index's when the tag names one), as {@code Digest:} shows it
 * @param updated false when the store had it already ({@code Image is up to date})
 */
public record PullResult(String reference, Digest digest, boolean updated) {}
