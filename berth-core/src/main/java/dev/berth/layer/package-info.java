/**
 * The layer format: reproducible tar layers written in one streaming pass, and applied safely.
 *
 * <p>Owns {@link dev.berth.layer.LayerEntry} (what callers such as COPY or a RUN diff feed in),
 * {@link dev.berth.layer.LayerWriter} (entries to a compressed blob, giving
 * {@link dev.berth.layer.LayerDigests}: diffID and blob digest computed as the bytes pass),
 * {@link dev.berth.layer.DirectoryEntries} (a directory tree as sorted entries),
 * {@link dev.berth.layer.Compression} with the pigz-style
 * {@link dev.berth.layer.ParallelGzipOutputStream}, {@link dev.berth.layer.LayerConverter}
 * (recompression that keeps and verifies the diffID) and {@link dev.berth.layer.LayerExtractor}
 * (a blob onto a directory with whiteouts, refusing hostile archives, returning the diffID it computed),
 * {@link dev.berth.layer.LayerContentSize} (a layer's size as Docker counts it) and
 * {@link dev.berth.layer.BoundedTarInputStream} (a tar reader capping extended headers, for every
 * untrusted tar: layers, ADD archives, imports, rootfs reads and exports). It also owns the two file-tree
 * primitives the packages above share: {@link dev.berth.layer.TreeRemover} (the one way a tree is deleted:
 * no symlink followed, no mount point crossed) and {@link dev.berth.layer.ContainerPathResolver} (a path
 * resolved as the kernel would inside a container).
 *
 * <p>Takes streams and paths; gives digests and {@link dev.berth.error.StoreException}s naming the
 * layer and entry. Depends on {@code dev.berth.image} and {@code dev.berth.error} only. A layer is never
 * held in memory whole. Writing and extracting each use a second thread to hash while the first reads or
 * writes files. Native calls (mknod, xattrs, file creation by descriptor) need {@code --enable-native-access}.
 */
package dev.berth.layer;
