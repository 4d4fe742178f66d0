package dev.berth.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Builds tars in memory for tests: root file systems, image archives, build contexts, and archives crafted
 * byte for byte as an attacker would. Names are kept exactly as given (absolute, with {@code ..}); every entry
 * has empty user and group names and the same modification time, so equal calls give equal bytes.
 */
public final class TarBuilder {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    /** An empty tar, written with POSIX (PAX) long names and big numbers. */
    public TarBuilder() {
        tar = new TarArchiveOutputStream(bytes, 512, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** A regular file, mode 0644, holding {@code content} in UTF-8. */
    public TarBuilder file(String name, String content) {
        return file(name, content, 0644);
    }

    /** A regular file, mode 0644. */
    public TarBuilder file(String name, byte[] content) {
        TarArchiveEntry entry = entry(name, TarConstants.LF_NORMAL);
        entry.setMode(0644);
        entry.setSize(content.length);
        return put(entry, content);
    }

    public TarBuilder file(String name, String content, int mode) {
        return owned(name, content, mode, 0, 0);
    }

    /** A regular file whose PAX header carries the extended attribute {@code xattr} (a {@code SCHILY.xattr.} record). */
    public TarBuilder fileWithXattr(String name, String content, String xattr, String value) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = entry(name, TarConstants.LF_NORMAL);
        entry.setMode(0644);
        entry.setSize(data.length);
        entry.addPaxHeader("SCHILY.xattr." + xattr, value);
        return put(entry, data);
    }

    public TarBuilder dir(String name) {
        return dir(name, 0755);
    }

    public TarBuilder dir(String name, int mode) {
        TarArchiveEntry entry = entry(name, TarConstants.LF_DIR);
        entry.setMode(mode);
        return put(entry, new byte[0]);
    }

    public TarBuilder symlink(String name, String target) {
        return symlinkOwned(name, target, 0777, 0, 0);
    }

    public TarBuilder hardlink(String name, String target) {
        TarArchiveEntry entry = entry(name, TarConstants.LF_LINK);
        entry.setLinkName(target);
        return put(entry, new byte[0]);
    }

    public TarBuilder fifo(String name) {
        return put(entry(name, TarConstants.LF_FIFO), new byte[0]);
    }

    public TarBuilder owned(String name, String content, int mode, int uid, int gid) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = entry(name, TarConstants.LF_NORMAL);
        entry.setMode(mode);
        entry.setUserId(uid);
        entry.setGroupId(gid);
        entry.setSize(data.length);
        return put(entry, data);
    }

    public TarBuilder symlinkOwned(String name, String target, int mode, int uid, int gid) {
        TarArchiveEntry entry = entry(name, TarConstants.LF_SYMLINK);
        entry.setLinkName(target);
        entry.setMode(mode);
        entry.setUserId(uid);
        entry.setGroupId(gid);
        return put(entry, new byte[0]);
    }

    /** A raw entry, for header fields the other methods do not reach. */
    public TarBuilder raw(TarArchiveEntry entry, byte[] data) {
        return put(entry, data);
    }

    /** An entry of {@code type} named exactly {@code name}, with this builder's fixed names and time. */
    public static TarArchiveEntry entry(String name, byte type) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setUserName("");
        entry.setGroupName("");
        entry.setModTime(1_700_000_000_000L);
        return entry;
    }

    /** The finished tar; the builder is done. */
    public byte[] build() {
        try {
            tar.finish();
            tar.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private TarBuilder put(TarArchiveEntry entry, byte[] data) {
        if (entry.isDirectory()) {
            // Commons Compress reads a trailing slash as "directory": such an entry cannot carry content.
            entry.setSize(0);
            data = new byte[0];
        }
        try {
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
