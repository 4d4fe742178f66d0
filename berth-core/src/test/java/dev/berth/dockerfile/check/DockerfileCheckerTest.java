package dev.berth.dockerfile.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The checker's warnings and errors: every row is a Dockerfile and all it should report. */
class DockerfileCheckerTest {

    static Stream<Arguments> findings() {
        return Stream.of(
                row("lower-case as after upper-case FROM", """
                        FROM alpine as build
                        """, "1:13 WARNING FromAsCasing: 'as' and 'FROM' keywords' casing do not match"),
                row("upper-case AS after lower-case from", """
                        from alpine AS build
                        """, "1:13 WARNING FromAsCasing: 'AS' and 'from' keywords' casing do not match"),
                row("consistent casing is fine", """
                        FROM alpine AS build
                        from alpine as other
                        """),
                row("stage names are lower case", """
                        FROM alpine AS Build
                        """, "1:16 WARNING StageNameCasing: Stage name 'Build' should be lowercase"),
                row("stage names are unique, ignoring case", """
                        FROM alpine AS app
                        FROM alpine AS APP
                        """, "2:16 WARNING StageNameCasing: Stage name 'APP' should be lowercase",
                        "2:16 WARNING DuplicateStageName: Duplicate stage name \"app\", stage names should be unique"),
                row("MAINTAINER is deprecated", """
                        FROM alpine
                        MAINTAINER me
                        """, "2:1 WARNING MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label"),
                row("ENV and LABEL without = are the legacy form", """
                        FROM alpine
                        ENV A 1
                        LABEL b two words
                        ENV C=3 D=4
                        ONBUILD ENV E 5
                        """,
                        "2:1 WARNING LegacyKeyValueFormat: \"ENV key=value\" should be used instead of legacy \"ENV key value\" format",
                        "3:1 WARNING LegacyKeyValueFormat: \"LABEL key=value\" should be used instead of legacy \"LABEL key value\" format"),
                row("check=skip=LegacyKeyValueFormat", """
                        # check=skip=LegacyKeyValueFormat
                        FROM alpine
                        ENV A 1
                        """),
                row("shell-form CMD and ENTRYPOINT", """
                        FROM alpine
                        ENTRYPOINT exec app
                        CMD run --verbose
                        """,
                        "2:1 WARNING JSONArgsRecommended: JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals",
                        "3:1 WARNING JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals"),
                row("repeated CMD and HEALTHCHECK: all but the last", """
                        FROM alpine
                        CMD ["a"]
                        HEALTHCHECK NONE
                        CMD ["b"]
                        HEALTHCHECK CMD ["true"]
                        CMD ["c"]
                        FROM alpine
                        CMD ["d"]
                        """,
                        "2:1 WARNING MultipleInstructionsDisallowed: Multiple CMD instructions should not be used in the same stage because only the last one will be used",
                        "3:1 WARNING MultipleInstructionsDisallowed: Multiple HEALTHCHECK instructions should not be used in the same stage because only the last one will be used",
                        "4:1 WARNING MultipleInstructionsDisallowed: Multiple CMD instructions should not be used in the same stage because only the last one will be used"),
                row("relative WORKDIR before any absolute one", """
                        FROM alpine
                        WORKDIR app
                        WORKDIR sub
                        FROM alpine
                        ENV D=/srv
                        WORKDIR $D
                        """, "2:9 WARNING WorkdirRelativePath: Relative workdir \"app\" can have unexpected results if the base image changes"),
                row("secrets in ARG and ENV names", """
                        ARG DB_PASSWORD
                        FROM alpine
                        ENV GITHUB_TOKEN=x API_KEY=y PUBLIC_KEY=z KEYBOARD=k
                        ARG MONKEY
                        """,
                        "1:5 WARNING SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ARG \"DB_PASSWORD\")",
                        "3:5 WARNING SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ENV \"GITHUB_TOKEN\")",
                        "3:20 WARNING SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ENV \"API_KEY\")"),
                row("undefined variable with a suggestion", """
                        FROM alpine
                        ARG VERSION=1
                        COPY app-$VERSON.jar /app/
                        """, "3:10 WARNING UndefinedVar: Usage of undefined variable '$VERSON' (did you mean $VERSION?)"),
                row("COPY --from a later stage, the current stage, a missing index", """
                        FROM alpine AS one
                        COPY --from=two /a /a
                        COPY --from=ONE /a /a
                        COPY --from=5 /a /a
                        COPY --from=nginx:latest /etc/nginx /etc/nginx
                        FROM alpine AS two
                        COPY --from=0 /a /a
                        COPY --from=one /a /a
                        RUN --mount=type=bind,from=three,target=/x true
                        FROM alpine AS three
                        """,
                        "2:13 ERROR --from=two refers to a later stage; only an earlier stage can be used",
                        "3:13 ERROR --from=ONE refers to the current stage; only an earlier stage can be used",
                        "4:13 ERROR --from=5 refers to no stage; only an earlier stage can be used",
                        "9:28 ERROR --from=three refers to a later stage; only an earlier stage can be used"),
                row("--from expanded before it is resolved", """
                        ARG SRC=build
                        FROM alpine AS build
                        FROM alpine
                        ARG SRC
                        COPY --from=$SRC /a /a
                        ARG LATER=final
                        COPY --from=${LATER} /b /b
                        FROM alpine AS final
                        """, "7:13 ERROR --from=final refers to a later stage; only an earlier stage can be used"),
                row("EXPOSE checked after expansion", """
                        FROM alpine
                        ARG PORT=99999
                        EXPOSE 80 $PORT
                        """, "3:11 ERROR invalid containerPort: 99999"),
                row("FROM that expands to nothing", """
                        FROM $BASE
                        """, "1:6 ERROR base name ($BASE) should not be blank",
                        "1:6 WARNING UndefinedVar: Usage of undefined variable '$BASE'"),
                row("every error of the file, in order", """
                        FROM alpine
                        COPPY a b
                        USER
                        RUN --mount=type=cache true
                        HEALTHCHECK --retries=-1 CMD true
                        """,
                        "2:1 ERROR unknown instruction \"COPPY\": did you mean COPY?",
                        "3:1 ERROR USER requires exactly one argument",
                        "4:5 ERROR mount type cache requires a target",
                        "5:13 ERROR --retries cannot be negative (-1)"),
                row("a heredoc as the destination (regression: it was accepted)", """
                        FROM alpine
                        COPY /foo <<EOF
                        hello
                        EOF
                        """, "2:11 ERROR COPY cannot accept a heredoc as a destination"),
                row("check=skip names rules", """
                        # check=skip=JSONArgsRecommended,StageNameCasing
                        FROM alpine AS App
                        CMD run
                        MAINTAINER me
                        """, "4:1 WARNING MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label"),
                row("check=skip=all", """
                        # check=skip=all
                        FROM alpine AS App
                        CMD run
                        """),
                row("check=error=true makes warnings errors", """
                        # check=error=true
                        FROM alpine
                        CMD run
                        """, "3:1 ERROR JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("findings")
    void reportsEverything(String name, String dockerfile, List<String> expected) {
        CheckResult result = new DockerfileChecker().check(new SourceFile("Dockerfile", dockerfile), Map.of(),
                Optional.empty());

        assertThat(result.diagnostics()).extracting(DockerfileCheckerTest::summary).containsExactlyElementsOf(expected);
    }

    @Test
    void theBuildKitCheckBuildArgOverridesTheDirective() {
        CheckResult result = new DockerfileChecker().check(new SourceFile("Dockerfile", "# check=skip=all\nFROM a\nCMD x\n"),
                Map.of("BUILDKIT_DOCKERFILE_CHECK", "error=true"), Optional.empty());

        assertThat(result.diagnostics()).extracting(DockerfileCheckerTest::summary).containsExactly(
                "3:1 ERROR JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals");
        assertThat(result.errorCount()).isOne();
    }

    @Test
    void aMissingTargetIsAnError() {
        SourceFile source = new SourceFile("Dockerfile", "FROM alpine AS build\nFROM scratch AS out\n");

        assertThat(new DockerfileChecker().check(source, Map.of(), Optional.of("OUT")).diagnostics()).isEmpty();
        assertThat(new DockerfileChecker().check(source, Map.of(), Optional.of("test")).diagnostics())
                .extracting(DockerfileCheckerTest::summary)
                .containsExactly("1:1 ERROR target stage \"test\" could not be found");
    }

    @Test
    void warningsLinkToDockersRulePage() {
        CheckResult result = new DockerfileChecker().check(new SourceFile("Dockerfile", "FROM a\nCMD x\n"), Map.of(),
                Optional.empty());

        assertThat(result.diagnostics()).singleElement().satisfies(diagnostic -> assertThat(diagnostic.hint())
                .contains("see https://docs.docker.com/go/dockerfile/rule/json-args-recommended/"));
        assertThat(result.warningCount()).isOne();
        assertThat(result.hasErrors()).isFalse();
    }

    private static String summary(Diagnostic diagnostic) {
        return diagnostic.range().startLine() + ":" + diagnostic.range().startColumn() + " " + diagnostic.severity()
                + " " + diagnostic.message();
    }

    private static Arguments row(String name, String dockerfile, String... expected) {
        return Arguments.of(name, dockerfile, List.of(expected));
    }
}
