package dev.berth.dockerfile.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.DiagnosticRenderer;
import dev.berth.diagnostic.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end golden cases for {@code berth dockerfile check}: each folder of
 * {@code src/test/resources/dockerfile/check/} holds a {@code Dockerfile}, optionally {@code options}
 * (lines {@code target=STAGE} and {@code arg=K=V}), and {@code expected}: every diagnostic as
 * {@link DiagnosticRenderer} prints it, then the summary line the command prints. The folders under
 * {@code examples/} check the repository's {@code examples/NAME/Dockerfile}. Run with
 * {@code -Dberth.golden.update=true} to rewrite the expected files, then review them as a diff.
 */
class DockerfileCheckGoldenTest {

    private static final Path CASES = Path.of("src/test/resources/dockerfile/check");
    private static final Path EXAMPLES = Path.of("../examples");
    private static final boolean UPDATE = Boolean.getBoolean("berth.golden.update");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(CASES)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("Dockerfile")))
                    .map(folder -> folder.getFileName().toString()).sorted().toList().stream();
        }
    }

    static Stream<String> examples() throws IOException {
        try (Stream<Path> folders = Files.list(EXAMPLES)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("Dockerfile")))
                    .map(folder -> folder.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void thereAreAtLeastTwentyFiveCasesAndSixExamples() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(25);
        assertThat(examples().count()).isGreaterThanOrEqualTo(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportMatchesGolden(String name) throws IOException {
        Path folder = CASES.resolve(name);
        check(folder.resolve("Dockerfile"), folder.resolve("options"), folder.resolve("expected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleReportMatchesGolden(String name) throws IOException {
        Path expected = CASES.resolve("examples").resolve(name);
        Files.createDirectories(expected);
        check(EXAMPLES.resolve(name).resolve("Dockerfile"), expected.resolve("options"), expected.resolve("expected"));
    }

    private static void check(Path dockerfile, Path options, Path expectedFile) throws IOException {
        Map<String, String> args = new LinkedHashMap<>();
        Optional<String> target = Optional.empty();
        if (Files.exists(options)) {
            for (String line : Files.readAllLines(options, StandardCharsets.UTF_8)) {
                if (line.startsWith("target=")) {
                    target = Optional.of(line.substring("target=".length()));
                } else if (line.startsWith("arg=")) {
                    String[] pair = line.substring("arg=".length()).split("=", 2);
                    args.put(pair[0], pair[1]);
                }
            }
        }
        SourceFile source = new SourceFile("Dockerfile", Files.readString(dockerfile, StandardCharsets.UTF_8));
        CheckResult result = new DockerfileChecker().check(source, args, target);
        StringBuilder report = new StringBuilder();
        DiagnosticRenderer renderer = new DiagnosticRenderer();
        for (Diagnostic diagnostic : result.diagnostics()) {
            report.append(renderer.render(diagnostic, source));
        }
        report.append(result.errorCount()).append(" errors, ").append(result.warningCount()).append(" warnings\n");
        if (UPDATE) {
            Files.writeString(expectedFile, report, StandardCharsets.UTF_8);
            return;
        }
        assertThat(report.toString()).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }
}
