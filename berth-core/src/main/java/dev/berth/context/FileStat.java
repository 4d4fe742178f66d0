package dev.berth.context;

/**
 * What {@code lstat} says about a file, as far as deciding whether its content may have changed:
 * the fields git's index compares (but the device).
 *
 * @param mode the full Unix mode, type bits included
 * @param mtimeNanos modification time in nanoseconds since the epoch
 * @param ctimeNanos status change time: set by the kernel on every change to the file (content, mode, a rename
 *     into place), so unlike the mtime no tool can carry an old one over (a tarball extracted with its times,
 *     {@code touch -d}, {@code rsync -t})
 */
public record FileStat(long size, long mtimeNanos, long inode, int mode, long ctimeNanos) {

    public FileStat {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
    }

    /** The later of the two times: when the file last changed as far as anything can tell. */
    public long changedNanos() {
        return Math.max(mtimeNanos, ctimeNanos);
    }
}
