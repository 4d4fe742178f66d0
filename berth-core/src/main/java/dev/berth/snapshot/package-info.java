/**
 * Root file systems for containers made of layers: {@link dev.berth.snapshot.Snapshotter} with
 * {@link dev.berth.snapshot.OverlaySnapshotter} (overlayfs, mounted through {@code mount(2)}) and
 * {@link dev.berth.snapshot.CopySnapshotter} (full copies, where overlayfs is missing).
 *
 * <p>Takes layer blobs (applied with {@link dev.berth.layer.LayerExtractor}) and chain IDs; gives committed
 * snapshots shared by chain ID, active snapshots with an init layer of the runtime's mount points below their
 * writable part, and their changes as sorted {@link dev.berth.layer.LayerEntry} lists with OCI whiteouts,
 * ready for {@link dev.berth.layer.LayerWriter}.
 */
package dev.berth.snapshot;
