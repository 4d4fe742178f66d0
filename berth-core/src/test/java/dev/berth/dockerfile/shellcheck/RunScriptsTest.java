package dev.berth.dockerfile.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.check.DockerfileChecker;
import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.instruction.WordLocator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which RUNs become scripts, in which dialect, with what text, and where each script line maps back to. Rows: the
 * Dockerfile ({@code |} for new lines, {@code ^} for a tab, {@code ~} for a backslash, {@code '} for {@code "}), the dialects of its scripts in order ({@code -} for
 * none), the first script ({@code |} for new lines), and for each of its lines the Dockerfile line:column its first
 * character maps to.
 */
class RunScriptsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            "FROM a|RUN echo $1"                                        ; sh       ; "echo $1|"                   ; 2:5
            "FROM a|RUN --mount=type=cache,target=/c echo hi"           ; sh       ; "echo hi|"                   ; 2:34
            "FROM a|RUN --mount=type=cache,target=/x x"                 ; sh       ; "x|"                         ; 2:34
            "FROM a|RUN apt-get update && ~|    apt-get install x"      ; sh       ; "apt-get update &&     apt-get install x|" ; 2:5
            "FROM a|RUN a ~|# note|  b"                                 ; sh       ; "a   b|"                     ; 2:5
            "FROM a|SHELL ['/bin/bash', '-o', 'pipefail', '-c']|RUN x"  ; bash     ; "x|"                         ; 3:5
            "FROM a|SHELL ['/bin/ash', '-c']|RUN x"                     ; sh       ; "x|"                         ; 3:5
            "FROM a|SHELL ['pwsh', '-c']|RUN x|SHELL ['sh', '-c']|RUN y" ; sh      ; "y|"                         ; 5:5
            "FROM a AS b|SHELL ['bash', '-c']|FROM b|RUN x"             ; bash     ; "x|"                         ; 4:5
            "FROM a AS b|SHELL ['bash', '-c']|FROM c|RUN x"             ; sh       ; "x|"                         ; 4:5
            "FROM a|RUN ['echo', '$1']"                                 ; -        ; ""                           ; ""
            "FROM a|RUN <<EOF|echo $1|ls|EOF"                           ; sh       ; "echo $1|ls|"                ; 3:1 4:1
            "FROM a|RUN <<EOF|#!/bin/bash|echo $1|EOF"                  ; bash     ; "#!/bin/bash|echo $1|"       ; 3:1 4:1
            "FROM a|RUN <<EOF|#!/usr/bin/env python3|print(1)|EOF"      ; -        ; ""                           ; ""
            "FROM a|RUN cat <<-A > /x && sh <<B|^data $x|A|echo $y|B"   ; sh       ; "cat <<-A > /x && sh <<B|^data $x|A|echo $y|B|" ; 2:5 3:1 4:1 5:1 6:1
            "FROM a|RUN x|RUN y"                                        ; sh sh    ; "x|"                         ; 2:5
            """)
    void turnsShellFormRunsIntoScripts(String text, String dialects, String firstScript, String origins) {
        SourceFile source = new SourceFile("Dockerfile", text.replace('|', '\n').replace('^', '\t').replace('~', '\\')
                .replace('\'', '"') + "\n");
        Dockerfile dockerfile = new DockerfileChecker().check(source, Map.of(), Optional.empty()).expanded().orElseThrow();

        List<RunScript> scripts = RunScripts.of(dockerfile);

        assertThat(scripts).extracting(script -> script.dialect().directiveName())
                .containsExactlyElementsOf(dialects.equals("-") ? List.of() : List.of(dialects.split(" ")));
        if (scripts.isEmpty()) {
            return;
        }
        RunScript first = scripts.getFirst();
        assertThat(first.script()).isEqualTo(firstScript.replace('|', '\n').replace('^', '\t'));
        WordLocator locator = new WordLocator(source);
        List<String> mapped = new java.util.ArrayList<>();
        for (int line = 1; line <= first.lines().size(); line++) {
            SourceRange range = first.range(line, 1, line, 2, (from, to) -> locator.joinedRange(first.run(), from, to));
            mapped.add(range.startLine() + ":" + range.startColumn());
        }
        assertThat(String.join(" ", mapped)).isEqualTo(origins);
    }

    @ParameterizedTest(name = "{0} tells ShellCheck of {1}")
    @CsvSource(delimiter = ';', textBlock = """
            FROM a|ARG version|ENV HOME_DIR=/h app_dir=/a|RUN x              ; version app_dir
            FROM a|RUN x|ARG version                                           ; ''
            FROM a AS b|ENV lower=1|FROM b|RUN x                               ; lower
            """)
    void namesTheLowerCaseVariablesDeclaredBefore(String text, String expected) {
        SourceFile source = new SourceFile("Dockerfile", text.replace('|', '\n') + "\n");
        Dockerfile dockerfile = new DockerfileChecker().check(source, Map.of(), Optional.empty()).expanded().orElseThrow();

        assertThat(RunScripts.of(dockerfile).getFirst().variables())
                .containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(" ")));
    }
}
