package dev.berth.engine.rootfs;

import dev.berth.context.BuildContext;

/**
 * The file system of a stage or an image that {@code COPY --from} reads: extracted without privileges
 * (contents, types, links) by {@link RootfsExtractions}, together with the owners and modes its layers
 * record, which are what COPY keeps.
 */
public record ExtractedRootfs(BuildContext files, RootfsAttributes attributes) {}
