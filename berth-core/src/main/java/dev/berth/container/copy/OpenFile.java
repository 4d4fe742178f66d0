package dev.berth.container.copy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * An open descriptor ({@code O_PATH} most of the time) and the name messages give it. Its attributes and content
 * are read through {@code /proc/self/fd/N}, which the kernel follows to the very object the descriptor holds, not
 * by resolving a path again; a symlink's descriptor stats as the link itself.
 */
record OpenFile(int fd, String name) implements AutoCloseable {

    static final int S_IFMT = 0170000;
    static final int S_IFDIR = 0040000;
    static final int S_IFREG = 0100000;
    static final int S_IFLNK = 0120000;

    Path proc() {
        return Path.of("/proc/self/fd/" + fd);
    }

    Stat stat() throws IOException {
        Map<String, Object> unix = Files.readAttributes(proc(), "unix:mode,uid,gid,size,lastModifiedTime,ino,nlink,dev");
        return new Stat((Integer) unix.get("mode"), (Integer) unix.get("uid"), (Integer) unix.get("gid"),
                (Long) unix.get("size"), ((FileTime) unix.get("lastModifiedTime")).toInstant().getEpochSecond(),
                (Long) unix.get("dev") + ":" + unix.get("ino"), (Integer) unix.get("nlink"));
    }

    @Override
    public void close() {
        FdCalls.close(fd);
    }

    /** What {@code stat(2)} says of one file; {@code inode} is {@code DEV:INO}, for hard links. */
    record Stat(int mode, long uid, long gid, long size, long mtime, String inode, int links) {

        boolean isDirectory() {
            return (mode & S_IFMT) == S_IFDIR;
        }

        boolean isRegular() {
            return (mode & S_IFMT) == S_IFREG;
        }

        boolean isSymlink() {
            return (mode & S_IFMT) == S_IFLNK;
        }

        TreeSink.Attributes attributes() {
            return new TreeSink.Attributes(mode & 07777, uid, gid, mtime);
        }
    }
}
