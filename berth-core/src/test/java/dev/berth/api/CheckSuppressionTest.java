package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What silences or raises the best-practice rules: BuildKit's {@code # check=} directive and its build arg (rule
 * ids and hadolint aliases), hadolint's pragmas and {@code .hadolint.yaml}. The Dockerfile breaks
 * BaseImageNotPinned (line 2 or 3) and nothing else; JSONArgsRecommended (DL3025) shows the pragmas reach
 * BuildKit's checks too.
 */
class CheckSuppressionTest {

    private static final String BODY = """
            FROM alpine
            RUN adduser -D app
            USER app
            CMD ["sh"]
            """;

    @TempDir
    Path context;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nothing                          | ''                                      | ''                                   | BaseImageNotPinned 1 warning
            check skip by id                 | '# check=skip=BaseImageNotPinned\\n'    | ''                                   | ''
            check skip by hadolint id        | '# check=skip=DL3006\\n'                | ''                                   | ''
            check skip all                   | '# check=skip=all\\n'                   | ''                                   | ''
            check skip another rule          | '# check=skip=DL3008\\n'                | ''                                   | BaseImageNotPinned 2 warning
            check error=true                 | '# check=error=true\\n'                 | ''                                   | BaseImageNotPinned 2 error
            hadolint ignore before FROM      | '# hadolint ignore=DL3006\\n'           | ''                                   | ''
            hadolint ignore of another id    | '# hadolint ignore=DL3008,DL3009\\n'    | ''                                   | BaseImageNotPinned 2 warning
            hadolint global ignore           | '# hadolint global ignore=DL3006\\n'    | ''                                   | ''
            .hadolint.yaml block list        | ''                                      | 'ignored:\\n  - DL3008\\n  - DL3006\\n' | ''
            .hadolint.yaml flow list         | ''                                      | 'ignored: [DL3006]\\n'               | ''
            .hadolint.yaml other ids         | ''                                      | 'ignored:\\n  - DL3008\\nfailure-threshold: info\\n' | BaseImageNotPinned 1 warning
            """)
    void silencesAndRaises(String name, String head, String yaml, String expected) throws IOException {
        if (!yaml.isEmpty()) {
            Files.writeString(context.resolve(".hadolint.yaml"), yaml.replace("\\n", "\n"));
        }

        assertThat(findings(head.replace("\\n", "\n") + BODY, Map.of()))
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            build arg skips                 | skip=BaseImageNotPinned        | ''
            build arg overrides directive   | error=true                     | BaseImageNotPinned 2 error
            """)
    void theBuildArgOverridesTheDirective(String name, String value, String expected) {
        String dockerfile = "# check=skip=DL3006\n" + BODY;

        assertThat(findings(dockerfile, Map.of("BUILDKIT_DOCKERFILE_CHECK", value)))
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            without a pragma          | ''                          | JSONArgsRecommended 4 warning
            hadolint DL3025 pragma    | '# hadolint ignore=DL3025\\n' | ''
            """)
    void hadolintPragmasReachBuildKitChecksTheyAlias(String name, String pragma, String expected) {
        String dockerfile = "FROM alpine:3.20\nRUN adduser -D app\nUSER app\n" + pragma.replace("\\n", "\n") + "CMD sh\n";

        assertThat(findings(dockerfile, Map.of())).isEqualTo(expected.isEmpty() ? List.of() : List.of(
                expected.replace(" 4 ", " " + (pragma.isEmpty() ? 4 : 5) + " ")));
    }

    private List<String> findings(String dockerfile, Map<String, String> buildArgs) {
        DockerfileCheck check = SourceTools.checkDockerfile(
                CheckRequest.builder(new SourceFile("Dockerfile", dockerfile)).buildArgs(buildArgs).context(context)
                        .build());
        return check.findings().stream().map(finding -> finding.rule().orElse("-") + " "
                + finding.diagnostic().line() + " " + finding.level().label()).toList();
    }
}
