/**
 * Image archives: {@link dev.berth.archive.ArchiveWriter} writes {@code docker save}'s format (Docker 25+:
 * an OCI layout plus {@code manifest.json} and {@code repositories}) or a plain OCI archive from stored
 * blobs; {@link dev.berth.archive.ArchiveReader} reads both, and the layout older Docker writes, into the
 * store. Takes a tar stream and the store; gives {@link dev.berth.archive.LoadedImage}s. Reading trusts no
 * name or digest in the archive and refuses entries that could leave it.
 */
package dev.berth.archive;
