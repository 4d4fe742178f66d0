package dev.berth.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Crafts tars byte for byte as an attacker would, names kept exactly as given (absolute, with ..). */
final class TarBuilder {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    TarBuilder() {
        tar = new TarArchiveOutputStream(bytes, 512, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    TarBuilder file(String name, String content) {
        return file(name, content, 0644);
    }

    TarBuilder file(String name, String content, int mode) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = entry(name, TarConstants.LF_NORMAL);
        entry.setMode(mode);
        entry.setSize(data.length);
        return put(entry, data);
    }

    TarBuilder dir(String name) {
        return dir(name, 0755);
    }

    TarBuilder dir(String name, int mode) {
        TarArchiveEntry entry = entry(name, TarConstants.LF_DIR);
        entry.setMode(mode);
        return put(entry, new byte[0]);
    }

    TarBuilder symlink(String name, String target) {
        TarArchiveEntry entry = entry(name, TarConstants.LF_SYMLINK);
        entry.setLinkName(target);
        entry.setMode(0777);
        return put(entry, new byte[0]);
    }

    TarBuilder hardlink(String name, String target) {
        TarArchiveEntry entry = entry(name, TarConstants.LF_LINK);
        entry.setLinkName(target);
        return put(entry, new byte[0]);
    }

    TarBuilder owned(String name, String content, int mode, int uid, int gid) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = entry(name, TarConstants.LF_NORMAL);
        entry.setMode(mode);
        entry.setUserId(uid);
        entry.setGroupId(gid);
        entry.setSize(data.length);
        return put(entry, data);
    }

    TarBuilder symlinkOwned(String name, String target, int mode, int uid, int gid) {
        TarArchiveEntry entry = entry(name, TarConstants.LF_SYMLINK);
        entry.setLinkName(target);
        entry.setMode(mode);
        entry.setUserId(uid);
        entry.setGroupId(gid);
        return put(entry, new byte[0]);
    }

    /** A raw entry, for header fields the other methods do not reach. */
    TarBuilder raw(TarArchiveEntry entry, byte[] data) {
        return put(entry, data);
    }

    static TarArchiveEntry entry(String name, byte type) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setUserName("");
        entry.setGroupName("");
        entry.setModTime(1_700_000_000_000L);
        return entry;
    }

    byte[] build() {
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
