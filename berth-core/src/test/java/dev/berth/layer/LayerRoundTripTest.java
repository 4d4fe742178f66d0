package dev.berth.layer;

import dev.berth.image.Compression;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A directory tree written as a layer and extracted again comes back the same, in every compression. */
class LayerRoundTripTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Compression.class)
    void treeSurvivesWriteAndExtract(Compression compression) throws Exception {
        Path source = Files.createDirectory(temp.resolve("source"));
        buildTree(source);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();

        LayerDigests written = LayerWriter.of(compression, Optional.empty()).write(DirectoryEntries.of(source), blob);
        Path target = Files.createDirectory(temp.resolve("target"));
        ExtractResult extracted = new LayerExtractor(ExtractOptions.defaults(true))
                .extract("round-trip", new ByteArrayInputStream(blob.toByteArray()), target);

        assertThat(extracted.diffId()).isEqualTo(written.diffId());
        assertThat(extracted.uncompressedSize()).isEqualTo(written.uncompressedSize());
        assertThat(written.blobSize()).isEqualTo(blob.size());
        assertThat(extracted.skipped()).isEmpty();
        assertThat(describe(target)).isEqualTo(describe(source));
        assertThat(Files.getAttribute(target.resolve("bin/tool"), "unix:ino"))
                .isEqualTo(Files.getAttribute(target.resolve("bin/tool-alias"), "unix:ino"));
    }

    @org.junit.jupiter.api.Test
    void entriesDescribedAsTheyAreTakenWriteTheSameLayerAsTheList() throws Exception {
        Path source = Files.createDirectory(temp.resolve("source"));
        buildTree(source);
        LayerWriter writer = LayerWriter.of(Compression.NONE, Optional.empty());
        ByteArrayOutputStream fromList = new ByteArrayOutputStream();
        ByteArrayOutputStream fromIterator = new ByteArrayOutputStream();

        LayerDigests listed = writer.write(DirectoryEntries.of(source), fromList);
        LayerDigests iterated = writer.write(DirectoryEntries.iterate(source), fromIterator);

        assertThat(iterated).isEqualTo(listed);
        assertThat(fromIterator.toByteArray()).isEqualTo(fromList.toByteArray());
    }

    static void buildTree(Path root) throws Exception {
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("etc/deep/er"));
        Files.writeString(root.resolve("bin/tool"), "#!/bin/sh\necho hi\n");
        NativeFileCalls.chmod(root.resolve("bin/tool"), 04755);
        Files.createLink(root.resolve("bin/tool-alias"), root.resolve("bin/tool"));
        Files.writeString(root.resolve("etc/deep/er/conf"), "x".repeat(100_000));
        Files.setAttribute(root.resolve("etc/deep/er/conf"), "unix:uid", 1000);
        Files.setAttribute(root.resolve("etc/deep/er/conf"), "unix:gid", 2000);
        Files.createSymbolicLink(root.resolve("etc/link"), Path.of("deep/er/conf"));
        Files.createSymbolicLink(root.resolve("etc/dangling"), Path.of("/nowhere"));
        String longName = "n".repeat(120) + "/" + "m".repeat(150);
        Files.createDirectories(root.resolve(longName).getParent());
        Files.writeString(root.resolve(longName), "long");
        Files.writeString(root.resolve("ünïcode"), "é");
        NativeFileCalls.mknod(root.resolve("fifo"), NativeFileCalls.S_IFIFO, 0640, 0, 0);
        NativeFileCalls.mknod(root.resolve("null"), NativeFileCalls.S_IFCHR, 0666, 1, 3);
        NativeFileCalls.setXattr(root.resolve("etc/deep/er/conf"), "user.origin", "test".getBytes(StandardCharsets.UTF_8));
        NativeFileCalls.chmod(root.resolve("etc/deep"), 0700);
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                NativeFileCalls.setTimes(path, java.time.Instant.ofEpochSecond(1_600_000_000L + path.toString().length()));
            }
        }
    }

    /** Path → type, mode, owner, size, mtime (seconds), rdev, link target, content and xattrs. */
    static Map<String, String> describe(Path root) throws Exception {
        Map<String, String> result = new TreeMap<>();
        List<Path> paths;
        try (Stream<Path> all = Files.walk(root)) {
            paths = all.filter(p -> !p.equals(root)).toList();
        }
        for (Path path : paths) {
            Map<String, Object> stat = Files.readAttributes(path, "unix:mode,uid,gid,size,rdev,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
            boolean link = Files.isSymbolicLink(path);
            boolean file = Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
            long seconds = ((FileTime) stat.get("lastModifiedTime")).toInstant().getEpochSecond();
            result.put(root.relativize(path).toString(), Integer.toOctalString((Integer) stat.get("mode"))
                    + " " + stat.get("uid") + ":" + stat.get("gid") + " size=" + (link || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "-" : stat.get("size"))
                    + " mtime=" + seconds + " rdev=" + stat.get("rdev")
                    + (link ? " -> " + Files.readSymbolicLink(path) : "")
                    + (file ? " content=" + Integer.toHexString(Files.readString(path).hashCode()) : "")
                    + " xattrs=" + NativeFileCalls.xattrs(path));
        }
        return result;
    }
}
