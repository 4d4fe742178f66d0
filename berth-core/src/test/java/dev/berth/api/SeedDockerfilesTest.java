package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Dockerfiles of the seed notes (check/seeds/NNN-name, extracted as written) give exactly the findings in
 * their {@code expected} file, "RULE LINE LEVEL" per line; docs/check.md lists them.
 */
class SeedDockerfilesTest {

    static Stream<Path> seeds() throws IOException, URISyntaxException {
        Path root = Path.of(SeedDockerfilesTest.class.getResource("/check/seeds").toURI());
        try (Stream<Path> seeds = Files.list(root)) {
            return seeds.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void eachSeedGivesItsDocumentedFindings(Path context) throws IOException {
        assertThat(findings(context)).containsExactlyElementsOf(
                Files.readAllLines(context.resolve("expected")).stream().filter(line -> !line.isBlank()).toList());
    }

    @Test
    void theMinimalExampleOfSeed001FlagsTheCopyOrderAndTheRootUser() throws IOException, URISyntaxException {
        Path context = Path.of(SeedDockerfilesTest.class.getResource("/check/seeds/001-minimal").toURI());

        assertThat(findings(context)).contains("ManifestCopiedWithSources 3 warning", "FinalStageRunsAsRoot 1 warning");
    }

    private static List<String> findings(Path context) throws IOException {
        Path dockerfile = context.resolve("Dockerfile");
        DockerfileCheck check = SourceTools.checkDockerfile(CheckRequest.builder(
                new SourceFile("Dockerfile", Files.readString(dockerfile))).context(context).dockerfile(dockerfile)
                .build());
        return check.findings().stream().map(finding -> finding.rule().orElse("-") + " "
                + finding.diagnostic().line() + " " + finding.level().label()).toList();
    }
}
