package dev.berth.registry;

import dev.berth.image.Digest;
import dev.berth.image.ImageReference;

/**
 * An image a push wrote.
 *
 * @param reference where, {@code 127.0.0.1:5000/app:1}
 * @param digest the manifest's digest in the registry (differs from the store's when layers were compressed)
 * @param size the manifest's size
 */
public record PushedImage(ImageReference reference, Digest digest, long size) {}
