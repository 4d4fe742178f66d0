package dev.berth.container.copy;

import dev.berth.error.ExecutionException;

/**
 * Docker's rules for where a copy goes ({@code archive.PrepareArchiveCopy}), pure: into the destination when it
 * is an existing directory (under the source's name, or merged when the source ends in {@code /.}), else into
 * the destination's parent under the destination's name. A directory onto a file and a file onto a missing
 * {@code DIR/} are Docker's errors, in Docker's words ({@code archive.ErrCannotCopyDir} and the rest).
 *
 * @param intoDestination whether the entries go into the destination itself (else into its parent)
 * @param top             the name the source's top gets there; {@code ""} merges its contents
 */
record CopyPlacement(boolean intoDestination, String top) {

    /** What the destination is. */
    enum Destination { MISSING, DIRECTORY, OTHER }

    static CopyPlacement of(CopyPath source, boolean sourceIsDirectory, CopyPath destination, Destination found,
            String destinationBase) {
        return switch (found) {
            case DIRECTORY -> sourceIsDirectory && source.contents()
                    ? new CopyPlacement(true, "")
                    : new CopyPlacement(true, source.base());
            case OTHER -> {
                if (sourceIsDirectory) {
                    throw new ExecutionException("cannot copy directory");
                }
                if (destination.directory()) {
                    throw new ExecutionException("not a directory");
                }
                yield new CopyPlacement(false, destinationBase);
            }
            case MISSING -> {
                if (!sourceIsDirectory && destination.directory()) {
                    throw new ExecutionException("no such directory");
                }
                yield new CopyPlacement(false, destinationBase);
            }
        };
    }
}
