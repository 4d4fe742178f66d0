package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.InvalidInputException;
import dev.berth.layer.LayerEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which files COPY takes and where they land: one row per rule. */
class CopySemanticsTest {

    @TempDir
    Path directory;

    private BuildFixture fixture;

    @BeforeEach
    void context() throws IOException {
        fixture = new BuildFixture(directory);
        fixture.file("a.txt", "A").file("b.txt", "B").file("c.md", "C")
                .file("src/main.c", "M").file("src/lib/util.c", "U");
        java.nio.file.Files.setPosixFilePermissions(fixture.context.resolve("a.txt"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        java.nio.file.Files.setPosixFilePermissions(fixture.context.resolve("b.txt"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        for (String path : List.of("c.md", "src/main.c", "src/lib/util.c")) {
            java.nio.file.Files.setPosixFilePermissions(fixture.context.resolve(path),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        for (String path : List.of("src", "src/lib")) {
            java.nio.file.Files.setPosixFilePermissions(fixture.context.resolve(path),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            COPY a.txt /x                       | x file 644 0:0 A
            COPY a.txt /x/                      | x dir 755 0:0;x/a.txt file 644 0:0 A
            COPY a.txt b.txt /x                 | x dir 755 0:0;x/a.txt file 644 0:0 A;x/b.txt file 644 0:0 B
            COPY *.txt /d/                      | d dir 755 0:0;d/a.txt file 644 0:0 A;d/b.txt file 644 0:0 B
            COPY ?.md /d/                       | d dir 755 0:0;d/c.md file 644 0:0 C
            COPY src /d                         | d dir 755 0:0;d/lib dir 755 0:0;d/lib/util.c file 644 0:0 U;d/main.c file 644 0:0 M
            COPY src/ /d/                       | d dir 755 0:0;d/lib dir 755 0:0;d/lib/util.c file 644 0:0 U;d/main.c file 644 0:0 M
            COPY --chown=10:20 a.txt /x         | x file 644 10:20 A
            COPY --chown=7 a.txt /x             | x file 644 7:7 A
            COPY --chmod=0700 a.txt /x          | x file 700 0:0 A
            COPY --exclude=*.c src /d           | d dir 755 0:0;d/lib dir 755 0:0;d/lib/util.c file 644 0:0 U
            COPY --exclude=**/*.c src /d        | d dir 755 0:0;d/lib dir 755 0:0
            COPY --parents src/lib/util.c /d/   | d dir 755 0:0;d/src dir 755 0:0;d/src/lib dir 755 0:0;d/src/lib/util.c file 644 0:0 U
            COPY a.txt rel                      | app dir 755 0:0;app/rel file 644 0:0 A
            COPY nothing* /d/                   | ''
            """)
    void copies(String instruction, String expected) throws IOException {
        String workdir = instruction.contains(" rel") ? "WORKDIR /app\n" : "";
        var result = fixture.build("FROM scratch\n" + workdir + instruction + "\n");
        List<String> entries = fixture.lastLayer(result);
        assertThat(String.join(";", entries)).isEqualTo(expected.strip());
        fixture.close();
    }

    /** Regression: {@code COPY requirements.txt .} under {@code WORKDIR /app} wrote a file named /app. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            COPY a.txt .      | app dir 755 0:0;app/a.txt file 644 0:0 A
            COPY a.txt sub/.  | app dir 755 0:0;app/sub dir 755 0:0;app/sub/a.txt file 644 0:0 A
            """)
    void dotDestinationIsTheDirectory(String instruction, String expected) throws IOException {
        var result = fixture.build("FROM scratch\nWORKDIR /app\n" + instruction + "\n");
        assertThat(String.join(";", fixture.lastLayer(result))).isEqualTo(expected.strip());
        fixture.close();
    }

    @Test
    void chownNamesComeFromTheImagesPasswdAndGroup() throws IOException {
        Instant t = Instant.EPOCH;
        fixture.baseImage("users:1", List.of(LayerEntry.directory("etc", 0755, t),
                LayerEntry.file("etc/group", 0644, t, "root:x:0:\nstaff:x:50:\n".getBytes(StandardCharsets.UTF_8)),
                LayerEntry.file("etc/passwd", 0644, t, "root:x:0:0::/root:/bin/sh\nwww:x:33:44::/:/bin/false\n"
                        .getBytes(StandardCharsets.UTF_8))), c -> c);

        var result = fixture.build("FROM users:1\nCOPY --chown=www a.txt /x\nCOPY --chown=www:staff b.txt /y\n");

        var layers = fixture.manifest(result).layers();
        assertThat(fixture.layer(layers.get(1).digest())).containsExactly("x file 644 33:44 A");
        assertThat(fixture.layer(layers.get(2).digest())).containsExactly("y file 644 33:50 B");
        fixture.close();
    }

    @Test
    void unknownUserIsAnErrorAtTheLine() {
        assertThatThrownBy(() -> fixture.build("FROM scratch\nCOPY --chown=nobody a.txt /x\n"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).diagnostics().getFirst().line()).isEqualTo(2))
                .hasMessageContaining("unable to find user nobody: no /etc/passwd in the image");
        fixture.close();
    }

    @Test
    void sourceExcludedByDockerignoreNamesTheFileAndLine() throws IOException {
        fixture.file(".dockerignore", "# comment\n*.md\nsecret\n");
        assertThatThrownBy(() -> fixture.build("FROM scratch\nCOPY c.md /x\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"c.md\" is excluded by .dockerignore line 2 (*.md)");
        fixture.close();
    }

    @Test
    void sourceLeavingTheContextIsAnError() {
        assertThatThrownBy(() -> fixture.build("FROM scratch\nCOPY ../outside /x\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"../outside\" is outside the build context");
        fixture.close();
    }

    @Test
    void missingSourceIsAnError() {
        assertThatThrownBy(() -> fixture.build("FROM scratch\nCOPY missing.txt /x\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"missing.txt\": not found in the build context");
        fixture.close();
    }
}
