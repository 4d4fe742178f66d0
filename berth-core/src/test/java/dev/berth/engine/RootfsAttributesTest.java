package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

        assertThat(attributes.of("a")).contains(new RootfsAttributes.Attributes(1, 1, 0755));
        assertThat(attributes.of("a/x")).isEmpty();
        assertThat(attributes.of("a/y")).contains(new RootfsAttributes.Attributes(3, 3, 0600));
        assertThat(attributes.of("b")).contains(new RootfsAttributes.Attributes(4, 4, 0700));
        assertThat(attributes.of("b/z")).isEmpty();
        assertThat(attributes.of("b/new")).contains(new RootfsAttributes.Attributes(7, 7, 0444));
        assertThat(attributes.of("c")).contains(new RootfsAttributes.Attributes(8, 8, 0600));
        assertThat(attributes.of("d")).contains(new RootfsAttributes.Attributes(9, 9, 0711));
        assertThat(attributes.of("a/.wh.x")).isEqualTo(Optional.empty());
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
