package dev.berth.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One entry of a layer as a caller (COPY, a RUN diff, a directory walk) describes it.
 *
 * @param path relative, {@code /}-separated, without {@code .}, {@code ..}, empty components or a
 *     trailing slash ({@code usr/bin/env}); the layer's root itself is never an entry
 * @param mode the permission bits, setuid, setgid and sticky ({@code 07777}); the type is {@link #type()}
 * @param uname the owner's name written beside {@code uid}, or empty (reproducible layers leave it out)
 * @param xattrs extended attributes by full name ({@code user.foo}, {@code security.capability}); values
 *     are written as UTF-8 PAX records, so binary values that are not valid UTF-8 do not round-trip
 * @param linkTarget the symlink's target as written, or the path of the earlier entry a hardlink
 *     names; empty for other types
 * @param size the content length of a {@link EntryType#FILE}, 0 otherwise
 * @param content opens the file's bytes (exactly {@code size} of them); never called for other types
 */
public record LayerEntry(
        String path,
        EntryType type,
        int mode,
        long uid,
        long gid,
        Optional<String> uname,
        Optional<String> gname,
        Instant mtime,
        Map<String, String> xattrs,
        String linkTarget,
        int devMajor,
        int devMinor,
        long size,
        ContentSource content) {

    /** Opens an entry's content; called at most once, while the entry is being written. */
    @FunctionalInterface
    public interface ContentSource {
        InputStream open() throws IOException;

        ContentSource EMPTY = InputStream::nullInputStream;
    }

    public LayerEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(uname, "uname");
        Objects.requireNonNull(gname, "gname");
        Objects.requireNonNull(mtime, "mtime");
        Objects.requireNonNull(linkTarget, "linkTarget");
        Objects.requireNonNull(content, "content");
        xattrs = Map.copyOf(new TreeMap<>(xattrs));
        if (!isCleanRelative(path)) {
            throw new IllegalArgumentException("layer entry path must be clean and relative: \"" + path + "\"");
        }
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("mode of " + path + " has bits beyond 07777: " + Integer.toOctalString(mode));
        }
        if (uid < 0 || gid < 0 || devMajor < 0 || devMinor < 0 || size < 0) {
            throw new IllegalArgumentException("negative uid, gid, device number or size for " + path);
        }
        boolean linked = type == EntryType.SYMLINK || type == EntryType.HARDLINK;
        if (linked == linkTarget.isEmpty()) {
            throw new IllegalArgumentException(linked
                    ? type + " " + path + " needs a link target"
                    : type + " " + path + " cannot have a link target");
        }
        if (type != EntryType.FILE && size != 0) {
            throw new IllegalArgumentException(type + " " + path + " cannot have content");
        }
    }

    /** A regular file. */
    public static LayerEntry file(String path, int mode, Instant mtime, long size, ContentSource content) {
        return new LayerEntry(path, EntryType.FILE, mode, 0, 0, Optional.empty(), Optional.empty(), mtime,
                Map.of(), "", 0, 0, size, content);
    }

    /** A regular file holding {@code bytes}. */
    public static LayerEntry file(String path, int mode, Instant mtime, byte[] bytes) {
        byte[] copy = bytes.clone();
        return file(path, mode, mtime, copy.length, () -> new java.io.ByteArrayInputStream(copy));
    }

    public static LayerEntry directory(String path, int mode, Instant mtime) {
        return new LayerEntry(path, EntryType.DIRECTORY, mode, 0, 0, Optional.empty(), Optional.empty(), mtime,
                Map.of(), "", 0, 0, 0, ContentSource.EMPTY);
    }

    public static LayerEntry symlink(String path, String target, Instant mtime) {
        return new LayerEntry(path, EntryType.SYMLINK, 0777, 0, 0, Optional.empty(), Optional.empty(), mtime,
                Map.of(), target, 0, 0, 0, ContentSource.EMPTY);
    }

    public static LayerEntry hardlink(String path, String earlierPath, Instant mtime) {
        return new LayerEntry(path, EntryType.HARDLINK, 0644, 0, 0, Optional.empty(), Optional.empty(), mtime,
                Map.of(), earlierPath, 0, 0, 0, ContentSource.EMPTY);
    }

    /** This file's entry as a hard link to {@code earlierPath}, the same file under a name written before it. */
    public LayerEntry asHardlinkTo(String earlierPath) {
        return new LayerEntry(path, EntryType.HARDLINK, mode, uid, gid, uname, gname, mtime, Map.of(), earlierPath,
                0, 0, 0, ContentSource.EMPTY);
    }

    /** The same entry owned by {@code uid:gid}. */
    public LayerEntry withOwner(long newUid, long newGid) {
        return new LayerEntry(path, type, mode, newUid, newGid, uname, gname, mtime, xattrs, linkTarget,
                devMajor, devMinor, size, content);
    }

    /** The same entry under another path (its hard-link target, if any, stays as it is). */
    public LayerEntry withPath(String newPath) {
        return new LayerEntry(newPath, type, mode, uid, gid, uname, gname, mtime, xattrs, linkTarget,
                devMajor, devMinor, size, content);
    }

    /** The same entry with its modification time replaced. */
    public LayerEntry withMtime(Instant newMtime) {
        return new LayerEntry(path, type, mode, uid, gid, uname, gname, newMtime, xattrs, linkTarget,
                devMajor, devMinor, size, content);
    }

    /** The same entry with these extended attributes. */
    public LayerEntry withXattrs(Map<String, String> newXattrs) {
        return new LayerEntry(path, type, mode, uid, gid, uname, gname, mtime, newXattrs, linkTarget,
                devMajor, devMinor, size, content);
    }

    /** The path as UTF-8 bytes: the order in which a layer's entries must come. */
    public byte[] pathBytes() {
        return path.getBytes(StandardCharsets.UTF_8);
    }

    static boolean isCleanRelative(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String component : path.split("/", -1)) {
            if (component.isEmpty() || component.equals(".") || component.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
