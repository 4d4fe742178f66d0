package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The final-stage rules look at the stage the build produces: {@code --target}, else the last. */
class CheckTargetTest {

    private static final String DOCKERFILE = """
            FROM debian:12-slim AS build
            RUN apt-get update && apt-get install -y --no-install-recommends gcc=4:12.2.0-3 && rm -rf /var/lib/apt/lists/*

            FROM debian:12-slim
            COPY --from=build /usr/bin/gcc /usr/local/bin/
            USER 10001
            CMD ["bash"]
            """;

    @ParameterizedTest(name = "target {0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            none  | ''
            build | BuildToolsInFinalStage 2,FinalStageRunsAsRoot 1
            """)
    void finalStageRulesFollowTheTarget(String target, String expected) {
        CheckRequest.Builder request = CheckRequest.builder(new SourceFile("Dockerfile", DOCKERFILE))
                .context(Path.of("/nonexistent-berth-check-context"));
        if (target != null) {
            request.target(target);
        }

        List<String> found = SourceTools.checkDockerfile(request.build()).findings().stream()
                .map(finding -> finding.rule().orElse("-") + " " + finding.diagnostic().line()).sorted().toList();

        assertThat(found).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(",")));
    }
}
