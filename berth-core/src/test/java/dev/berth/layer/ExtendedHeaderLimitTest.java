package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.StoreException;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PAX extended headers and GNU long names are read whole into memory to build the next entry: a
 * hostile layer declaring gigabytes of them is refused at the header, with a clear message, before
 * anything is read.
 */
class ExtendedHeaderLimitTest {

    @TempDir
    Path temp;

    @Test
    void aPaxHeaderOverOneMebibyteIsRefused() {
        byte[] layer = withXattr("x".repeat((1 << 20) + 1));
        assertThatThrownBy(() -> new Sandbox(temp).extract(layer))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("layer ")
                .hasMessageContaining(": malformed tar: extended header (type x) of ")
                .hasMessageEndingWith(" bytes, more than the 1048576 allowed");
    }

    @Test
    void aGnuLongNameOverOneMebibyteIsRefused() {
        // Written by hand: Commons Compress's own writer takes minutes to format a name this long.
        byte[] name = "d/".repeat(600_000).concat("f").getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry longName = TarBuilder.entry("././@LongLink", TarConstants.LF_GNUTYPE_LONGNAME);
        longName.setSize(name.length);
        byte[] layer = new TarBuilder().raw(longName, name).file("f", "1").build();
        assertThatThrownBy(() -> new Sandbox(temp).extract(layer))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("extended header (type L) of 1200001 bytes, more than the 1048576 allowed");
    }

    @Test
    void aLargeButHonestPaxHeaderIsRead() throws IOException {
        String value = "v".repeat(64 * 1024);
        ExtractResult result = new Sandbox(temp).extract(withXattr(value));
        assertThat(result.entries()).isEqualTo(1);
        assertThat(LayerContentSize.of("l", new ByteArrayInputStream(withXattr(value)))).isEqualTo(1);
    }

    @Test
    void theContentSizeReaderIsBoundedToo() {
        assertThatThrownBy(() -> LayerContentSize.of("l", new ByteArrayInputStream(withXattr("x".repeat(2 << 20)))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("more than the 1048576 allowed");
    }

    private static byte[] withXattr(String value) {
        return new TarBuilder().fileWithXattr("f", "1", "user.big", value).build();
    }
}
