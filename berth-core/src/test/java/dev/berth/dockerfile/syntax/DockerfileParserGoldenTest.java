package dev.berth.dockerfile.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases: {@code src/test/resources/dockerfile/parse/<case>/Dockerfile} against {@code dump} (BuildKit's
 * s-expression form) and {@code json} (which also shows here-document contents and warnings). Run with
 * {@code -Dberth.golden.update=true} to rewrite the expected files, then review them as a diff.
 */
class DockerfileParserGoldenTest {

    private static final Path CASES = Path.of("src/test/resources/dockerfile/parse");
    private static final boolean UPDATE = Boolean.getBoolean("berth.golden.update");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(CASES)) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    @Test
    void thereAreAtLeastThirtyCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dumpMatchesGolden(String name) throws IOException {
        Path folder = CASES.resolve(name);
        String text = new String(Files.readAllBytes(folder.resolve("Dockerfile")), StandardCharsets.UTF_8);
        SyntaxTree tree = new DockerfileParser().parse(new SourceFile("Dockerfile", text));

        check(folder.resolve("dump"), new SyntaxTreeDumper().dump(tree));
        check(folder.resolve("json"), new SyntaxTreeJsonDumper().dump(tree));
    }

    private static void check(Path expectedFile, String actual) throws IOException {
        if (UPDATE) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }
}
