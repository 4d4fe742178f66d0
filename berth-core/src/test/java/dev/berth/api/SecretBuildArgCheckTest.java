package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth check --build-arg NPM_TOKEN=...} gives the build's warning, named by its rule, and explains it. */
class SecretBuildArgCheckTest {

    @TempDir
    Path context;

    @Test
    void aSecretBuildArgReachingRunIsAFindingNamedByItsRule() {
        SourceFile source = new SourceFile("Dockerfile", "FROM scratch\nARG NPM_TOKEN\nRUN a\nUSER 1\n");

        DockerfileCheck given = SourceTools.checkDockerfile(CheckRequest.builder(source).context(context)
                .buildArgs(Map.of("NPM_TOKEN", "npm_value")).build());
        DockerfileCheck none = SourceTools.checkDockerfile(CheckRequest.builder(source).context(context).build());

        assertThat(given.findings()).filteredOn(finding -> finding.rule().orElse("").equals("SecretBuildArgInRun"))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.diagnostic().line()).isEqualTo(3);
                    assertThat(finding.diagnostic().message()).startsWith("SecretBuildArgInRun: build arg NPM_TOKEN ")
                            .doesNotContain("npm_value");
                });
        assertThat(none.findings()).noneMatch(finding -> finding.rule().orElse("").equals("SecretBuildArgInRun"));
        assertThat(SourceTools.checkRule("secretbuildarginrun")).get().extracting(CheckRule::title)
                .isEqualTo("A secret-looking build arg reaches a RUN");
    }
}
