/**
 * {@code .dockerignore}: which files of a build context a build sees.
 *
 * <p>Owns reading ignore files exactly as Docker's {@code ignorefile.ReadAll} does
 * ({@link dev.berth.dockerfile.ignore.IgnoreFileReader} → {@link dev.berth.dockerfile.ignore.IgnoreFile}
 * of {@link dev.berth.dockerfile.ignore.IgnorePattern}s with their line numbers), choosing which file
 * applies ({@link dev.berth.dockerfile.ignore.IgnoreFileLocator}), and matching paths with the
 * semantics of moby's patternmatcher ({@link dev.berth.dockerfile.ignore.IgnoreMatcher}, which also
 * names the line that excluded a path and tells a walk when it may skip a directory).
 * Takes text and relative paths; gives verdicts. Malformed patterns are
 * {@link dev.berth.error.InvalidInputException}s pointing at their line. Knows nothing of the file
 * system beyond locating the file; walking the context is {@code dev.berth.context}'s job.
 */
package dev.berth.dockerfile.ignore;
