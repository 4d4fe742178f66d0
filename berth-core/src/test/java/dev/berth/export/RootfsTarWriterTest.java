package dev.berth.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.store.ContentStore;
import dev.berth.store.InMemoryContentStore;
import dev.berth.store.Ingester;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

class RootfsTarWriterTest {

    private final ContentStore content = new InMemoryContentStore();

    @Test
    void theTopmostEntryWinsAndWhiteoutsHideLowerPaths() throws IOException {
        Digest lower = layer(false,
                "etc/ dir 755 0:0",
                "etc/passwd file 644 0:0 root",
                "etc/shadow file 640 0:42 secret",
                "var/ dir 755 0:0",
                "var/cache/ dir 755 0:0",
                "var/cache/old file 644 0:0 old",
                "opt/ dir 755 0:0",
                "opt/tool/ dir 755 0:0",
                "opt/tool/bin file 755 0:0 bin",
                "home/ dir 755 0:0",
                "home/app/ dir 700 1000:1000",
                "home/app/notes file 600 1000:1000 n",
                "home/app/hard hardlink home/app/notes 1000:1000");
        Digest upper = layer(true,
                "etc/passwd file 644 0:0 root+app",
                "etc/.wh.shadow whiteout",
                "var/cache/.wh..wh..opq whiteout",
                "var/cache/new file 644 0:0 new",
                "opt/tool file 755 0:0 now-a-file",
                "./home/app/ dir 750 1000:1000");

        assertThat(entries(List.of(lower, upper))).containsExactly(
                "etc/ dir 755 0:0",
                "var/ dir 755 0:0",
                "var/cache/ dir 755 0:0",
                "opt/ dir 755 0:0",
                "home/ dir 755 0:0",
                "home/app/notes file 600 1000:1000 n",
                "home/app/hard hardlink home/app/notes 1000:1000",
                "etc/passwd file 644 0:0 root+app",
                "var/cache/new file 644 0:0 new",
                "opt/tool file 755 0:0 now-a-file",
                "./home/app/ dir 750 1000:1000");
    }

    @Test
    void anOpaqueMarkerAtTheRootHidesEveryLowerPath() throws IOException {
        Digest lower = layer(false, "a file 644 0:0 a", "b/ dir 755 0:0");
        Digest upper = layer(false, ".wh..wh..opq whiteout", "c file 644 0:0 c");

        assertThat(entries(List.of(lower, upper))).containsExactly("c file 644 0:0 c");
    }

    private List<String> entries(List<Digest> layers) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RootfsTarWriter(content).write(layers, out);
        List<String> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String owner = entry.getLongUserId() + ":" + entry.getLongGroupId();
                String mode = Integer.toOctalString(entry.getMode() & 07777);
                entries.add(entry.isDirectory() ? entry.getName() + " dir " + mode + " " + owner
                        : entry.isLink() ? entry.getName() + " hardlink " + entry.getLinkName() + " " + owner
                        : entry.getName() + " file " + mode + " " + owner + " "
                                + new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void aLayerWithAnOversizedPaxHeaderIsRefusedNamingTheLayer() throws IOException {
        byte[] tar = new TarBuilder().fileWithXattr("etc/passwd", "", "user.big", "x".repeat(2 << 20)).build();
        Digest hostile;
        try (Ingester ingester = content.ingest()) {
            ingester.stream().write(tar);
            hostile = ingester.commit(Optional.empty()).digest();
        }

        assertThatThrownBy(() -> new RootfsTarWriter(content).write(List.of(hostile), OutputStream.nullOutputStream()))
                .isInstanceOf(StoreException.class)
                .hasMessage("writing the file system as a tar: reading layer " + hostile
                        + ": extended header (type x) of 2097183 bytes, more than the 1048576 allowed");
    }

    /** Entries as {@code NAME dir MODE U:G}, {@code NAME file MODE U:G CONTENT}, {@code NAME hardlink TARGET U:G}, {@code NAME whiteout}. */
    private Digest layer(boolean gzip, String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var sink = gzip ? new GzipCompressorOutputStream(bytes) : bytes;
                TarArchiveOutputStream tar = new TarArchiveOutputStream(sink)) {
            for (String line : entries) {
                String[] f = line.split(" ", 5);
                TarArchiveEntry entry = switch (f[1]) {
                    case "hardlink" -> new TarArchiveEntry(f[0], TarArchiveEntry.LF_LINK);
                    default -> new TarArchiveEntry(f[0]);
                };
                byte[] data = f[1].equals("file") ? f[4].getBytes(StandardCharsets.UTF_8) : new byte[0];
                switch (f[1]) {
                    case "hardlink" -> {
                        entry.setLinkName(f[2]);
                        setOwner(entry, f[3]);
                    }
                    case "whiteout" -> entry.setMode(0644);
                    default -> {
                        entry.setMode(Integer.parseInt(f[2], 8));
                        setOwner(entry, f[3]);
                    }
                }
                entry.setSize(data.length);
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        try (Ingester ingester = content.ingest()) {
            ingester.stream().write(bytes.toByteArray());
            return ingester.commit(Optional.empty()).digest();
        }
    }

    private static void setOwner(TarArchiveEntry entry, String owner) {
        String[] ids = owner.split(":");
        entry.setIds(Integer.parseInt(ids[0]), Integer.parseInt(ids[1]));
    }
}
