package dev.berth.api;

import dev.berth.image.Digest;

/**
 * What a push wrote.
 *
 * @param reference the full name pushed to
 * @param digest the manifest's digest in the registry
 * @param size the manifest's size in bytes
 */
public record PushResult(String reference, Digest digest, long size) {}
