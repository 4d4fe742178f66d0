package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One context per rule and case under {@code check/RULE/CASE}: a {@code bad*} case breaks its rule exactly once
 * and yields exactly that finding at the line in {@code expected-line}; its {@code good*} twin yields nothing at
 * all, BuildKit's checks included. The directory is the context, for the rules that read it.
 */
class PracticeRulesTest {

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path root = Path.of(PracticeRulesTest.class.getResource("/check").toURI());
        try (Stream<Path> rules = Files.list(root)) {
            return rules.filter(Files::isDirectory).filter(rule -> !rule.getFileName().toString().equals("seeds")).flatMap(rule -> {
                try (Stream<Path> cases = Files.list(rule)) {
                    return cases.filter(Files::isDirectory).sorted().toList().stream();
                } catch (IOException failure) {
                    throw new java.io.UncheckedIOException(failure);
                }
            }).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseYieldsExactlyItsFinding(Path context) throws IOException {
        String rule = context.getParent().getFileName().toString();
        Path dockerfile = context.resolve("Dockerfile");
        SourceFile source = new SourceFile("Dockerfile", Files.readString(dockerfile));

        DockerfileCheck check = SourceTools.checkDockerfile(CheckRequest.builder(source).context(context)
                .dockerfile(dockerfile).build());

        List<String> found = check.findings().stream()
                .map(finding -> finding.rule().orElse("-") + " " + finding.diagnostic().line()).toList();
        if (context.getFileName().toString().startsWith("bad")) {
            int line = Integer.parseInt(Files.readString(context.resolve("expected-line")).strip());
            assertThat(found).as(check.diagnostics().toString()).containsExactly(rule + " " + line);
        } else {
            assertThat(found).as(check.diagnostics().toString()).isEmpty();
        }
        assertThat(check.complete()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRuleHasAnExplanationAndAFix(Path context) {
        String rule = context.getParent().getFileName().toString();

        CheckRule found = SourceTools.checkRules().stream().filter(candidate -> candidate.isNamed(rule)).findFirst()
                .orElseThrow();

        assertThat(found.fix()).isNotBlank().doesNotContain("\n");
        assertThat(found.explanation()).hasSizeGreaterThan(80);
        assertThat(found.helpUri()).startsWith("https://");
    }
}
