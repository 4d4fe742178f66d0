package dev.berth.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Reads a {@link FileStat} with one {@code lstat}, through the JDK's Unix attribute view. */
final class FileStats {

    private static final String ATTRIBUTES = "unix:mode,ino,size,lastModifiedTime,ctime";

    private FileStats() {
    }

    static FileStat lstat(Path file) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(file, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        FileTime modified = (FileTime) attributes.get("lastModifiedTime");
        return new FileStat(
                (Long) attributes.get("size"),
                modified.to(TimeUnit.NANOSECONDS),
                (Long) attributes.get("ino"),
                (Integer) attributes.get("mode"),
                ((FileTime) attributes.get("ctime")).to(TimeUnit.NANOSECONDS));
    }
}
