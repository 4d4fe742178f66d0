package dev.berth.container.copy;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a copied tree goes, entry by entry, parents before children; paths are relative to the copied object
 * ({@code ""} for the object itself, then {@code "sub/file"}). A tar stream and a directory in a root are sinks; a
 * walk of a directory and a tar stream are sources.
 */
interface TreeSink {

    /** Permission bits (setuid, setgid, sticky included), owner and modification time in seconds. */
    record Attributes(int mode, long uid, long gid, long mtime) {
    }

    void directory(String path, Attributes attributes) throws IOException;

    void file(String path, Attributes attributes, long size, InputStream content) throws IOException;

    void symlink(String path, Attributes attributes, String target) throws IOException;

    /** A second name for the file copied earlier as {@code earlierPath}. */
    void hardlink(String path, Attributes attributes, String earlierPath) throws IOException;

    /** After the last entry. */
    void finish() throws IOException;
}
