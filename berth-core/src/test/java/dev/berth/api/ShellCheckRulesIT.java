package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.check.DockerfileChecker;
import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.shellcheck.RunScripts;
import dev.berth.dockerfile.shellcheck.ShellCheck;
import dev.berth.dockerfile.shellcheck.ShellCheckFinding;
import dev.berth.dockerfile.shellcheck.ShellCheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code berth check} with the real {@code shellcheck} (Debian's package, which .ci/run installs): the SHELL's
 * dialect, findings at their Dockerfile lines through continuation lines and here-documents, exec form left alone,
 * levels, the {@code # check=} and hadolint pragmas, and nothing at all when shellcheck is absent. Each Dockerfile
 * only ShellCheck's findings are compared. Rows: a directive line before {@code FROM alpine:3.20} (the lines count
 * from it when there is one), the lines after it ({@code |} new line, {@code ~} backslash, {@code '} for {@code "}),
 * and the findings as {@code RULE@LINE:COLUMN/level}.
 */
class ShellCheckRulesIT {

    private static final String TAIL = "|USER 1000|CMD ['sh']";

    @TempDir
    Path context;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            ""                          ; "RUN [[ -f x ]] && echo $1"                                   ; SC3010@2:5/warning SC2086@2:24/info
            ""                          ; "SHELL ['/bin/bash', '-c']|RUN [[ -f x ]] && echo $1"        ; SC2086@3:24/info
            ""                          ; "SHELL ['/bin/bash', '-c']|RUN [[ -f x ]] && ~|    echo $1"  ; SC2086@4:10/info
            ""                          ; "RUN echo hi ~|  # a comment line, dropped as BuildKit does|  && cd /tmp" ; SC2164@4:6/warning
            ""                          ; "RUN <<EOF|set -e|echo $1|EOF"                                ; SC2086@4:6/info
            ""                          ; "RUN <<EOF|#!/bin/bash|[[ -f x ]] && echo ok|EOF"             ; ""
            ""                          ; "RUN ['sh', '-c', 'echo $1']"                                 ; ""
            ""                          ; "ARG version=1|RUN echo ${version} > /v"                      ; SC2086@3:10/info
            ""                          ; "RUN echo $lower > /v"                                        ; SC2154@2:10/warning SC2086@2:10/info
            ""                          ; "SHELL ['/bin/bash', '-c']|RUN for f in $(ls); do echo $f; done" ; SC2045@3:14/error SC2086@3:29/info
            "# check=skip=SC2086"       ; "RUN echo $1"                                                 ; ""
            "# check=skip=ShellCheck"   ; "RUN [[ -f x ]] && echo $1"                                   ; ""
            "# check=skip=sc3010"       ; "RUN [[ -f x ]] && echo $1"                                   ; SC2086@3:24/info
            "# check=error=true"        ; "RUN echo $1"                                                 ; SC2086@3:10/error
            ""                          ; "# hadolint ignore=SC2086|RUN echo $1"                        ; ""
            ""                          ; "# hadolint ignore=SC3010|RUN [[ -f x ]] && echo $1"          ; SC2086@3:24/info
            """)
    void reportsShellChecksCommentsAtTheirDockerfileLines(String head, String body, String expected) {
        String text = ((head.isEmpty() ? "" : head + "|") + "FROM alpine:3.20|" + body + TAIL).replace('|', '\n')
                .replace('~', '\\').replace('\'', '"') + "\n";
        DockerfileCheck check = SourceTools.checkDockerfile(CheckRequest.builder(new SourceFile("Dockerfile", text))
                .context(context).shellcheck(installed()).build());

        assertThat(shellcheckFindings(check)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(" ")));
        assertThat(check.findings()).filteredOn(finding -> finding.rule().isEmpty()).isEmpty();
    }

    @Test
    void withoutShellCheckNothingIsReported() {
        SourceFile source = new SourceFile("Dockerfile", "FROM alpine:3.20\nRUN [[ -f x ]] && echo $1\nUSER 1\n");

        DockerfileCheck none = SourceTools.checkDockerfile(CheckRequest.builder(source).context(context).build());
        DockerfileCheck notOnPath = SourceTools.checkDockerfile(CheckRequest.builder(source).context(context)
                .shellcheckFrom(Map.of("PATH", "/nonexistent")).build());
        DockerfileCheck onPath = SourceTools.checkDockerfile(CheckRequest.builder(source).context(context)
                .shellcheckFrom(System.getenv()).build());

        assertThat(shellcheckFindings(none)).isEmpty();
        assertThat(shellcheckFindings(notOnPath)).isEmpty();
        assertThat(shellcheckFindings(onPath)).isNotEmpty();
    }

    @Test
    void aUsersShellcheckrcAndShellcheckOptsChangeNoFinding() throws IOException {
        // Regression: without --norc, ~/.shellcheckrc (and one in a directory above the scripts) disabled rules, and
        // SHELLCHECK_OPTS added options: the same Dockerfile gave different findings to different users. The scripts
        // are written below the directory of the rc file too, where shellcheck looked for one.
        Files.writeString(context.resolve(".shellcheckrc"), "disable=SC2086\n");
        SourceFile source = new SourceFile("Dockerfile", "FROM alpine:3.20\nRUN echo $1\n");
        Dockerfile dockerfile = new DockerfileChecker().check(source, Map.of(), Optional.empty()).expanded()
                .orElseThrow();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("HOME", context.toString());
        environment.put("SHELLCHECK_OPTS", "--exclude=SC2086 --severity=error");

        ShellCheckResult result;
        try (ShellCheck.Pending pending = new ShellCheck(installed(), environment, context).start(RunScripts.of(dockerfile))) {
            result = pending.finish(source);
        }

        assertThat(result.failure()).isEmpty();
        assertThat(result.findings()).extracting(ShellCheckFinding::rule).containsExactly("SC2086");
    }

    @Test
    void explainTakesAnyCode() {
        assertThat(SourceTools.checkRule("sc2086")).get().satisfies(rule -> {
            assertThat(rule.id()).isEqualTo("SC2086");
            assertThat(rule.helpUri()).isEqualTo("https://www.shellcheck.net/wiki/SC2086");
            assertThat(rule.explanation()).contains("When shellcheck is not installed, no SC finding is reported");
        });
        assertThat(SourceTools.checkRule("ShellCheck")).isPresent();
        assertThat(SourceTools.checkRule("SC20")).isEmpty();
    }

    private static Path installed() {
        return SourceTools.shellcheckProgram(System.getenv())
                .orElseThrow(() -> new AssertionError("shellcheck is not on PATH: install Debian's shellcheck (.ci/run)"));
    }

    private static List<String> shellcheckFindings(DockerfileCheck check) {
        return check.findings().stream().filter(finding -> finding.rule().orElse("").startsWith("SC"))
                .map(finding -> finding.rule().orElseThrow() + "@" + finding.diagnostic().line() + ":"
                        + finding.diagnostic().range().startColumn() + "/" + finding.level().label())
                .toList();
    }
}
