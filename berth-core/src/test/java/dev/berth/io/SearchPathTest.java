package dev.berth.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one PATH lookup: in {@code directory} are {@code a/tool} (executable), {@code b/tool} (executable),
 * {@code c/tool} (not executable) and {@code d/tool} (an executable directory). Rows: the PATH ({@code @} for the
 * test directory, {@code -} for none at all), and which directory's tool is found ({@code -} for none).
 */
class SearchPathTest {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "PATH={0}")
    @CsvSource(delimiter = ';', textBlock = """
            @/a:@/b          ; a
            @/b:@/a          ; b
            @/c:@/b          ; b
            @/d:@/a          ; a
            @/c:@/d          ; -
            :@/nonexistent:  ; -
            ''               ; -
            ::@/a            ; a
            """)
    void findsTheFirstExecutableRegularFile(String path, String expected) throws IOException {
        for (String dir : new String[] {"a", "b", "c"}) {
            Path tool = Files.createDirectories(directory.resolve(dir)).resolve("tool");
            Files.writeString(tool, "#!/bin/sh\n");
            Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString(dir.equals("c") ? "rw-r--r--" : "rwxr-xr-x"));
        }
        Files.createDirectories(directory.resolve("d/tool"));

        Optional<Path> found = SearchPath.of(Map.of("PATH", path.replace("@", directory.toString()))).find("tool");

        assertThat(found).isEqualTo(expected.equals("-") ? Optional.empty()
                : Optional.of(directory.resolve(expected).resolve("tool")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sh", "ls"})
    void withoutPathTheSystemDirectoriesAreSearched(String program) {
        assertThat(SearchPath.of(Map.of()).find(program)).isPresent();
        assertThat(SearchPath.of(Map.of()).directories()).contains(Path.of("/usr/bin"), Path.of("/bin"));
    }
}
