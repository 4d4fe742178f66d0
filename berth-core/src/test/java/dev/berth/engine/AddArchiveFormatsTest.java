package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.BuildResult;
import dev.berth.engine.copy.AddedArchives;
import dev.berth.testing.CompressedBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ADD recognises local archives by content (Docker's magic bytes), never by name. */
class AddArchiveFormatsTest {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0} named {1}")
    @CsvSource({
            "plain, payload",
            "plain, app.tar",
            "gzip,  payload",
            "gzip,  app.tgz",
            "bzip2, payload",
            "bzip2, app.tar.bz2",
            "xz,    payload",
            "xz,    app.tar.xz",
            "zstd,  payload",
            "zstd,  app.tar.zst",
    })
    void aTarInEachCompressionIsExtracted(String compression, String name) throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            Files.write(fixture.context.resolve(name), CompressedBytes.of(compression, tar()));

            BuildResult result = fixture.build("FROM scratch\nADD " + name + " /opt/\n");

            assertThat(fixture.lastLayer(result)).containsExactly("opt dir 755 0:0", "opt/bin dir 755 1:2",
                    "opt/bin/tool file 750 1:2 hi");
        }
    }

    @ParameterizedTest(name = "{0} named {1}")
    @CsvSource({
            "plain, notes.tar.gz",
            "gzip,  notes.gz",
            "bzip2, notes.tar.bz2",
            "xz,    notes.xz",
            "zstd,  notes.zst",
    })
    void aFileThatIsNoTarOnceDecompressedIsCopiedAsIs(String compression, String name) throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            byte[] bytes = CompressedBytes.of(compression, "just text, not a tar\n".repeat(40).getBytes(StandardCharsets.UTF_8));
            Files.write(fixture.context.resolve(name), bytes);

            BuildResult result = fixture.build("FROM scratch\nADD " + name + " /opt/\n");

            assertThat(fixture.lastLayer(result)).hasSize(2).first().isEqualTo("opt dir 755 0:0");
            assertThat(fixture.lastLayer(result).get(1)).startsWith("opt/" + name + " file 644 0:0 ");
        }
    }

    @ParameterizedTest(name = "{1} is {0}")
    @CsvSource({
            "GZIP,  1f8b08",
            "BZIP2, 425a6839",
            "XZ,    fd377a585a00",
            "ZSTD,  28b52ffd",
            "NONE,  1f8b",
            "NONE,  fd377a585a01",
            "NONE,  7573746172",
            "NONE,  ''",
    })
    void magicBytesNameTheCompression(AddedArchives.Compression expected, String hex) {
        byte[] head = HexFormat.of().parseHex(hex);
        assertThat(AddedArchives.Compression.detect(head, head.length)).isEqualTo(expected);
    }

    private static byte[] tar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry directory = new TarArchiveEntry("bin/");
            directory.setMode(0755);
            directory.setIds(1, 2);
            tar.putArchiveEntry(directory);
            tar.closeArchiveEntry();
            byte[] content = "hi".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("bin/tool");
            entry.setSize(content.length);
            entry.setMode(0750);
            entry.setIds(1, 2);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
