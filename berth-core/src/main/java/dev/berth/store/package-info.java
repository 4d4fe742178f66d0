/**
 * The local store: content-addressed blobs and the images that name them, on disk as an OCI image
 * layout that {@code skopeo}, {@code umoci} and other OCI tools read as it is.
 *
 * <p>Owns the store root ({@link dev.berth.store.StoreLayout}: {@code oci-layout}, {@code index.json},
 * {@code blobs/}, {@code ingest/}, and Berth's {@code containers/}, {@code cache/}, {@code snapshots/}),
 * the {@link dev.berth.store.ContentStore} role (file-backed and in-memory), tags in
 * {@link dev.berth.store.OciLayout}, cross-process locking ({@link dev.berth.store.StoreLock}) and
 * garbage collection. Takes bytes and digests; gives verified blobs. Knows nothing of manifests beyond
 * {@link dev.berth.store.BlobReferences}, which the image model may supply.
 *
 * <p>Crash safety: content is written to {@code ingest/}, synced, verified and renamed into place;
 * {@code index.json} is replaced the same way under a file lock; the next process to open the store
 * sweeps what a killed one left. See {@code docs/store.md}.
 */
package dev.berth.store;
