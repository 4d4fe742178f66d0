package dev.berth.engine.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.layer.EntryType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

class RootfsAttributesTest {

    @Test
    void upperLayersReplaceAndWhiteoutsRemove() throws IOException {
        byte[] lower = tar("a/", 0755, 1, "a/x", 0640, 2, "a/y", 0600, 3, "b/", 0700, 4, "b/z", 0644, 5, "c", 0644, 6);
        byte[] upper = tar("a/.wh.x", 0644, 0, "b/.wh..wh..opq", 0644, 0, "b/new", 0444, 7, "c", 0600, 8, "./d", 0711, 9);

        RootfsAttributes attributes = RootfsAttributes.read(new ByteArrayInputStream(lower), new ByteArrayInputStream(upper));

        assertThat(attributes.of("a")).contains(directory(1, 0755));
        assertThat(attributes.of("a/x")).isEmpty();
        assertThat(attributes.of("a/y")).contains(file(3, 0600));
        assertThat(attributes.of("b")).contains(directory(4, 0700));
        assertThat(attributes.of("b/z")).isEmpty();
        assertThat(attributes.of("b/new")).contains(file(7, 0444));
        assertThat(attributes.of("c")).contains(file(8, 0600));
        assertThat(attributes.of("d")).contains(file(9, 0711));
        assertThat(attributes.of("a/.wh.x")).isEqualTo(Optional.empty());
    }

    @Test
    void symlinkTargetsAndExtendedAttributesAreRecorded() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry link = new TarArchiveEntry("var/run", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/run");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            TarArchiveEntry directory = new TarArchiveEntry("srv/");
            directory.setMode(0750);
            directory.addPaxHeader("SCHILY.xattr.user.origin", "base");
            tar.putArchiveEntry(directory);
            tar.closeArchiveEntry();
        }

        RootfsAttributes attributes = RootfsAttributes.read(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(attributes.of("var/run")).get()
                .extracting(RootfsAttributes.Attributes::type, RootfsAttributes.Attributes::linkTarget)
                .containsExactly(EntryType.SYMLINK, "/run");
        assertThat(attributes.of("srv")).get()
                .extracting(RootfsAttributes.Attributes::type, RootfsAttributes.Attributes::xattrs)
                .containsExactly(EntryType.DIRECTORY, Map.of("user.origin", "base"));
    }

    /** COPY app/ /app/ over a WORKDIR layer must not read a 170 MB base to learn that /app exists. */
    @Test
    void aLookupTheTopLayerAnswersNeverReadsTheLayersBelow() throws IOException {
        LayerIndex top = LayerIndex.read(new ByteArrayInputStream(tar("app/", 0755, 0, "gone/.wh..wh..opq", 0644, 0)));
        java.util.function.Supplier<LayerIndex> base = () -> {
            throw new AssertionError("the base layer was read");
        };
        RootfsAttributes attributes = new RootfsAttributes(List.of(() -> top, base));

        assertThat(attributes.of("app")).contains(directory(0, 0755));
        assertThat(attributes.of("gone/below")).isEmpty();
    }

    private static RootfsAttributes.Attributes directory(long id, int mode) {
        return new RootfsAttributes.Attributes(id, id, mode, EntryType.DIRECTORY, "", Map.of());
    }

    private static RootfsAttributes.Attributes file(long id, int mode) {
        return new RootfsAttributes.Attributes(id, id, mode, EntryType.FILE, "", Map.of());
    }

    /** Entries as (name, mode, id) triples; uid and gid are both the id. */
    private static byte[] tar(Object... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i += 3) {
                TarArchiveEntry entry = new TarArchiveEntry((String) entries[i]);
                entry.setMode((Integer) entries[i + 1]);
                entry.setIds((Integer) entries[i + 2], (Integer) entries[i + 2]);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
