package dev.berth.container.copy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A {@link TreeSink} writing a tar stream, each path under {@code top} (the source's base name, as Docker's
 * archive names it). The stream is finished, not closed: stdout stays the caller's.
 */
final class TarTreeWriter implements TreeSink {

    private final TarArchiveOutputStream tar;
    private final String top;
    private long bytes;

    TarTreeWriter(OutputStream out, String top) {
        this.tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        this.top = top;
    }

    long bytes() {
        return bytes;
    }

    private String name(String path) {
        if (top.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? top : top + "/" + path;
    }

    private TarArchiveEntry entry(String name, byte type, Attributes attributes) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setMode(attributes.mode());
        entry.setUserId(attributes.uid());
        entry.setGroupId(attributes.gid());
        entry.setModTime(java.nio.file.attribute.FileTime.from(Instant.ofEpochSecond(attributes.mtime())));
        return entry;
    }

    @Override
    public void directory(String path, Attributes attributes) throws IOException {
        tar.putArchiveEntry(entry(name(path) + "/", TarConstants.LF_DIR, attributes));
        tar.closeArchiveEntry();
    }

    @Override
    public void file(String path, Attributes attributes, long size, InputStream content) throws IOException {
        TarArchiveEntry entry = entry(name(path), TarConstants.LF_NORMAL, attributes);
        entry.setSize(size);
        tar.putArchiveEntry(entry);
        // Exactly the size stat gave: a file the container grows meanwhile is cut, one it shrinks is padded.
        byte[] buffer = new byte[65536];
        long left = size;
        while (left > 0) {
            int read = content.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                tar.write(new byte[(int) Math.min(buffer.length, left)]);
                left -= Math.min(buffer.length, left);
                continue;
            }
            tar.write(buffer, 0, read);
            left -= read;
        }
        tar.closeArchiveEntry();
        bytes += size;
    }

    @Override
    public void symlink(String path, Attributes attributes, String target) throws IOException {
        TarArchiveEntry entry = entry(name(path), TarConstants.LF_SYMLINK, attributes);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    @Override
    public void hardlink(String path, Attributes attributes, String earlierPath) throws IOException {
        TarArchiveEntry entry = entry(name(path), TarConstants.LF_LINK, attributes);
        entry.setLinkName(name(earlierPath));
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    @Override
    public void finish() throws IOException {
        tar.finish();
        tar.flush();
    }
}
