/**
 * What a build gives besides the image store, as BuildKit's exporters ({@code --output}): the final
 * file system as a directory ({@code local}) or a tar ({@code tar}), and the image as a Docker archive
 * ({@code docker}, what {@code docker load} reads) or an OCI archive ({@code oci}). Takes a
 * {@link dev.berth.export.BuildOutput} (clients give the API's {@code Output}, which {@code api} translates) and the built image's blobs in a content store; archives are written
 * by {@code dev.berth.archive.ArchiveWriter}, as {@code berth save} writes them, with gzip layers as
 * BuildKit's exporters make them. A file is written beside its final name and renamed into place.
 */
package dev.berth.export;
