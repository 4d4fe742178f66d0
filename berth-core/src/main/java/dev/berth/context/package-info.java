/**
 * The build context: the directory a build reads files from, in place.
 *
 * <p>Owns {@link dev.berth.context.BuildContext} (walk honouring the ignore file, deterministic
 * listing of {@link dev.berth.context.ContextEntry}s, resolution of paths that never leaves the
 * context), {@link dev.berth.context.StatCache} (content digests keyed by a file's stat, persisted
 * atomically under a cache directory), {@link dev.berth.context.ContentHasher} (SHA-256 of file
 * content through that cache), {@link dev.berth.context.HashingFileStream} (a file read once by a
 * caller that needs its bytes, hashed on the way), {@link dev.berth.context.Utf8Order} (the path
 * order of listings and layers, without encoding) and {@link dev.berth.context.ExcludePatterns} (a
 * COPY's {@code --exclude}, matched as ignore patterns, so the engine needs nothing of the Dockerfile
 * frontend). Takes a directory, an optional Dockerfile path (to pick the ignore file) and a cache
 * directory; gives entries and digests. Uses {@code dev.berth.dockerfile.ignore}
 * for matching, nothing else of the Dockerfile frontend. {@link dev.berth.context.StreamedContext} unpacks a
 * context given as a tar stream ({@code build -}) into a temporary directory, or takes the stream as a
 * Dockerfile when it is no archive.
 */
package dev.berth.context;
