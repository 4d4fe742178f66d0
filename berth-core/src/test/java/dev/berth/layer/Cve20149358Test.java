package dev.berth.layer;

import dev.berth.image.Compression;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CVE-2014-9358: Docker trusted image IDs an archive claimed, allowing path traversal and spoofing.
 * Berth computes every digest from the bytes it read and never takes one from the archive.
 */
class Cve20149358Test {

    @TempDir
    Path temp;

    @Test
    void extractorReturnsTheDigestOfWhatItReadNotWhatTheArchiveClaims() {
        Sandbox box = new Sandbox(temp);
        String claimed = "sha256:" + "0".repeat(64);
        TarArchiveEntry lying = TarBuilder.entry("file", TarConstants.LF_NORMAL);
        lying.addPaxHeader("SCHILY.xattr.user.diffid", claimed);
        lying.setSize(1);
        byte[] layer = new TarBuilder().file(claimed.replace(':', '_'), "x").raw(lying, new byte[] {'y'}).build();

        ExtractResult result = box.extract(layer);

        assertThat(result.diffId()).isEqualTo(Digest.sha256(layer));
        assertThat(result.diffId().toString()).isNotEqualTo(claimed);
    }

    @Test
    void converterRefusesABlobWhoseContentIsNotTheClaimedDiffId() {
        byte[] layer = new TarBuilder().file("a", "b").build();
        Digest claimed = Digest.sha256(new TarBuilder().file("a", "c").build());

        assertThatThrownBy(() -> LayerConverter.to(Compression.GZIP)
                        .convert(new ByteArrayInputStream(layer), claimed, new ByteArrayOutputStream()))
                .isInstanceOf(StoreException.class)
                .hasMessage("converting layer " + claimed + " to GZIP: the uncompressed content has digest "
                        + Digest.sha256(layer) + ", not the expected diffID");
    }

    @Test
    void digestThatSmugglesAPathIsNotADigest() {
        assertThatThrownBy(() -> Digest.parse("sha256:../../../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
