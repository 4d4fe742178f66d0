package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.BuildResult;
import dev.berth.layer.LayerEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code COPY --from} keeps the owner and mode the source stage or image records, as BuildKit does,
 * even though the build extracts that file system without root; {@code --chown}/{@code --chmod} win.
 */
class CopyFromOwnershipTest {

    private static final Instant MTIME = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "COPY --from=src /data/secret /out/secret               | out/secret file 640 1000:1000 s |",
            "COPY --from=owned:1 /data/secret /out/secret           | out/secret file 640 1000:1000 s |",
            "COPY --from=src --chown=2000:3000 /data/secret /out/   | out/secret file 640 2000:3000 s | 2000:3000",
            "COPY --from=src --chown=0 /data/secret /out/           | out/secret file 640 0:0 s       | 0:0",
            "COPY --from=src --chmod=0600 /data/secret /out/        | out/secret file 600 1000:1000 s |",
            "COPY --from=src /bin/tool /out/                        | out/tool file 4755 0:0 t |",
            "COPY --from=src /data/link /out/                       | out/link link->secret 777 1000:1000 |",
    })
    void aFileKeepsItsRecordedOwnerAndMode(String copy, String expected, String parentOwner) throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.baseImage("owned:1", sourceFiles(), config -> config);

            BuildResult result = fixture.build("FROM owned:1 AS src\nFROM scratch\n" + copy + "\n");

            // A created parent is root's, or the --chown owner's.
            assertThat(fixture.lastLayer(result)).map(String::strip)
                    .containsExactly("out dir 755 " + (parentOwner == null ? "0:0" : parentOwner), expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "COPY --from=src /data /out                     | out dir 750 1000:1000 ; out/link link->secret 777 1000:1000 ; out/secret file 640 1000:1000 s",
            "COPY --from=src --chown=7:8 /data /out         | out dir 750 7:8 ; out/link link->secret 777 7:8 ; out/secret file 640 7:8 s",
    })
    void aDirectoryKeepsItsOwnersToo(String copy, String expected) throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.baseImage("owned:1", sourceFiles(), config -> config);

            BuildResult result = fixture.build("FROM owned:1 AS src\nFROM scratch\n" + copy + "\n");

            assertThat(fixture.lastLayer(result)).map(String::strip).containsExactly(expected.split(" ; "));
        }
    }

    @Test
    void aChangedOwnerInTheSourceMissesTheCache() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            fixture.baseImage("owned:1", sourceFiles(), config -> config);
            String dockerfile = "FROM owned:1 AS src\nFROM scratch\nCOPY --from=src /data/secret /out/secret\n";
            fixture.build(dockerfile);
            fixture.baseImage("owned:1", List.of(LayerEntry.file("data/secret", 0640, MTIME, bytes("s")).withOwner(1001, 1000)),
                    config -> config);

            BuildResult rebuilt = fixture.build(dockerfile);

            assertThat(fixture.lastLayer(rebuilt)).containsExactly("out dir 755 0:0", "out/secret file 640 1001:1000 s");
        }
    }

    private static List<LayerEntry> sourceFiles() {
        return List.of(
                LayerEntry.directory("bin", 0755, MTIME),
                LayerEntry.file("bin/tool", 04755, MTIME, bytes("t")),
                LayerEntry.directory("data", 0750, MTIME).withOwner(1000, 1000),
                LayerEntry.symlink("data/link", "secret", MTIME).withOwner(1000, 1000),
                LayerEntry.file("data/secret", 0640, MTIME, bytes("s")).withOwner(1000, 1000));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
