package dev.berth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.check.PredefinedArgs;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The build's warning about secret-looking build args a RUN sees: which args, which RUN line, and that the value
 * never appears. Each row: the Dockerfile ({@code |} for new lines), the build args ({@code K=V;K=V}), and the
 * expected warnings as {@code ARG@LINE} ({@code -} for none).
 */
class SecretBuildArgsTest {

    private static final String VALUE = "s3cr3t-Value-42";

    private final BuildPlanner planner = new BuildPlanner(PredefinedArgs.LINUX_AMD64);

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            "FROM scratch|ARG NPM_TOKEN|RUN npm ci"                              ; NPM_TOKEN            ; NPM_TOKEN@3
            "FROM scratch|ARG AWS_SECRET_ACCESS_KEY|RUN a|RUN b"                 ; AWS_SECRET_ACCESS_KEY; AWS_SECRET_ACCESS_KEY@3 AWS_SECRET_ACCESS_KEY@4
            "FROM scratch|ARG PASSWORD|ARG USER_NAME|RUN a"                      ; PASSWORD USER_NAME   ; PASSWORD@4
            "FROM scratch|ARG DB_PASSWORD=hunter2hunter2|RUN a"                  ; ""                   ; DB_PASSWORD@3
            "FROM scratch|ARG NPM_TOKEN|RUN a"                                   ; ""                   ; -
            "FROM scratch|ARG NPM_TOKEN=|RUN a"                                  ; ""                   ; -
            "FROM scratch|RUN a|ARG NPM_TOKEN"                                   ; NPM_TOKEN            ; -
            "FROM scratch|ARG NPM_TOKEN|COPY a /a"                               ; NPM_TOKEN            ; -
            "FROM scratch|ARG PUBLIC_KEY|ARG TOKENIZER|RUN a"                    ; PUBLIC_KEY TOKENIZER ; -
            "ARG NPM_TOKEN|FROM scratch|RUN a"                                   ; NPM_TOKEN            ; -
            "FROM scratch AS build|ARG NPM_TOKEN|RUN a|FROM scratch|RUN b"       ; NPM_TOKEN            ; -
            "FROM scratch AS build|ARG NPM_TOKEN|RUN a|FROM build|RUN b"         ; NPM_TOKEN            ; NPM_TOKEN@3
            "FROM scratch|ARG NPM_TOKEN|RUN --mount=type=secret,id=t,env=T a"    ; NPM_TOKEN            ; NPM_TOKEN@3
            "FROM scratch|ARG HTTP_PROXY|RUN a"                                  ; HTTP_PROXY           ; -
            """)
    void warnsAboutEachSecretArgEachRunSees(String dockerfile, String given, String expected) {
        Map<String, String> buildArgs = new LinkedHashMap<>();
        Arrays.stream(given.split(" ")).filter(name -> !name.isBlank()).forEach(name -> buildArgs.put(name, VALUE));

        BuildGraph graph = planner.plan(new SourceFile("Dockerfile", dockerfile.replace('|', '\n') + "\n"), buildArgs,
                Optional.empty());

        List<Diagnostic> warnings = graph.warnings().stream()
                .filter(warning -> warning.message().startsWith("SecretBuildArgInRun: build arg ")).toList();
        assertThat(warnings).extracting(warning -> warning.message().split(" ")[3] + "@" + warning.line())
                .containsExactlyElementsOf(expected.equals("-") ? List.of() : List.of(expected.split(" ")));
        assertThat(warnings).allSatisfy(warning -> assertThat(warning.toString()).doesNotContain(VALUE, "hunter2"));
    }

    @ParameterizedTest(name = "the message for {0}")
    @CsvSource({"NPM_TOKEN", "AWS_SECRET_ACCESS_KEY"})
    void namesTheArgAndSuggestsASecret(String name) {
        BuildGraph graph = planner.plan(new SourceFile("Dockerfile", "FROM scratch\nARG " + name + "\nARG V=1\nRUN a\n"),
                Map.of(name, VALUE), Optional.empty());

        assertThat(graph.warnings()).filteredOn(SecretBuildArgs::isOne)
                .singleElement().satisfies(warning -> {
                    // Regression: the summary line named no rule, where every other finding's names its rule.
                    assertThat(warning.message()).isEqualTo("SecretBuildArgInRun: build arg " + name + " looks like a secret and reaches RUN:"
                            + " its value is recorded in the image history (RUN |2 " + name + "=…); pass it with --secret id="
                            + name + ",env=" + name + " and RUN --mount=type=secret,id=" + name + ",env=" + name);
                    assertThat(warning.line()).isEqualTo(4);
                    assertThat(warning.range().startColumn()).isEqualTo(1);
                });
    }
}
