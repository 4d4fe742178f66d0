package dev.berth.dockerfile.ignore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each {@code read/NAME.dockerignore} is read and its patterns printed as
 * {@code LINE: PATTERN} into {@code read/NAME.patterns}. Regenerate with {@code -Dberth.golden.update=true}
 * and review the diff.
 */
class IgnoreFileReaderGoldenTest {

    private static final Path DIRECTORY = Path.of("src/test/resources/dockerignore/read");

    static Stream<Path> inputs() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(file -> file.toString().endsWith(".dockerignore")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void patternsMatchTheGoldenFile(Path input) throws IOException {
        String text = new String(Files.readAllBytes(input), StandardCharsets.UTF_8);
        IgnoreFile file = new IgnoreFileReader().read(new SourceFile(input.getFileName().toString(), text));
        String actual = file.patterns().stream()
                .map(pattern -> pattern.line() + ": " + pattern.text() + "\n")
                .collect(Collectors.joining());
        Path golden = Path.of(input.toString().replaceFirst("\\.dockerignore$", ".patterns"));

        if (Boolean.getBoolean("berth.golden.update")) {
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
