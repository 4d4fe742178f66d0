package dev.berth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.context.BuildContext;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.check.PredefinedArgs;
import dev.berth.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a build refuses before it runs anything, one row per rule: the Dockerfile's lines after FROM, the errors. */
class PlanChecksTest {

    @TempDir
    Path context;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(context.resolve("app.py"), "print()");
        Files.writeString(context.resolve("secret.env"), "A=1");
        Files.createDirectories(context.resolve("logs/keep"));
        Files.writeString(context.resolve("logs/keep/x"), "x");
        Files.writeString(context.resolve(".dockerignore"), "*.env\nlogs\n!logs/keep\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            COPY app.py /app/                        | ''
            COPY missing.py /app/                    | 2:6 "missing.py": not found in the build context
            COPY secret.env /app/                    | 2:6 "secret.env" is excluded by .dockerignore line 1 (*.env)
            COPY logs /app/logs                      | ''
            COPY ../outside /x                       | 2:6 "../outside" is outside the build context
            COPY *.py nothing* /app/                 | ''
            ADD https://example.com/a.tgz /x         | ''
            COPY --chmod=u+x app.py /x               | 2:6 invalid --chmod=u+x: only octal modes are supported
            COPY --chmod=0755 app.py /x              | ''
            COPY --from=busybox /nothing /x          | ''
            """)
    void refusals(String line, String expected) {
        String dockerfile = "FROM scratch\n" + line + "\n";
        List<Diagnostic> problems = problems(dockerfile, Optional.empty());

        assertThat(problems.stream().map(PlanChecksTest::summary).findFirst().orElse(""))
                .isEqualTo(expected.equals("''") ? "" : expected);
    }

    /** A stage the target does not need is not built, so what it would copy is not refused. */
    @ParameterizedTest(name = "target {0}")
    @CsvSource(delimiter = '|', textBlock = """
            unused | 0
            other  | 1
            """)
    void onlyTheStagesTheTargetNeedsAreChecked(String target, int expected) {
        String dockerfile = "FROM scratch AS unused\nFROM scratch AS other\nCOPY missing.py /x\n";

        assertThat(problems(dockerfile, Optional.of(target))).hasSize(expected);
    }

    @org.junit.jupiter.api.Test
    void everyRefusalIsReportedAtOnce() {
        assertThat(problems("FROM scratch\nCOPY secret.env /app/\nCOPY missing.py /app/\n", Optional.empty()))
                .extracting(PlanChecksTest::summary)
                .containsExactly("2:6 \"secret.env\" is excluded by .dockerignore line 1 (*.env)",
                        "3:6 \"missing.py\": not found in the build context");
    }

    private List<Diagnostic> problems(String dockerfile, Optional<String> target) {
        SourceFile source = new SourceFile("Dockerfile", dockerfile);
        try {
            new BuildPlanner(PredefinedArgs.LINUX_AMD64).plan(source, Map.of(), target,
                    Optional.of(BuildContext.open(context, Optional.empty())));
            return List.of();
        } catch (InvalidInputException refused) {
            return refused.diagnostics();
        }
    }

    private static String summary(Diagnostic diagnostic) {
        return diagnostic.range().startLine() + ":" + diagnostic.range().startColumn() + " " + diagnostic.message();
    }
}
