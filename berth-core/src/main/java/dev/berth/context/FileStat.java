package dev.berth.context;

/**
 * What {@code lstat} says about a file, as far as deciding whether its content may have changed:
 * the same fields git's index compares.
 *
 * @param mode the full Unix mode, type bits included
 * @param mtimeNanos modification time in nanoseconds since the epoch
 */
public record FileStat(long size, long mtimeNanos, long inode, int mode) {

    public FileStat {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
    }
}
