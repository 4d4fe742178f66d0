package dev.berth.registry;

import dev.berth.image.Digest;
import dev.berth.image.ImageReference;

/**
 * An image a pull stored and named.
 *
 * @param reference the name it is stored under ({@code docker.io/library/alpine:latest}, or {@code NAME@DIGEST})
 * @param digest what the registry knows it by: the index's digest when the reference named an index
 * @param manifest the platform manifest stored and named
 * @param changed false when the name already pointed at this manifest (Docker's "Image is up to date")
 */
public record PulledImage(ImageReference reference, Digest digest, Digest manifest, boolean changed) {}
