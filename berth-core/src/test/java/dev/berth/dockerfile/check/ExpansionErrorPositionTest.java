package dev.berth.dockerfile.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.Severity;
import dev.berth.diagnostic.SourceFile;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An {@code ExpansionException}'s offset becomes the column of the {@code $} on the physical line it was
 * written on, through continuation lines, comment and blank lines inside an instruction, either escape
 * character and CRLF endings; where the word is not in the source as written, the instruction's keyword.
 */
class ExpansionErrorPositionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("one line", "FROM a\nENV A=${B\n", "2:7-2:10"),
                row("the second substitution of a word", "FROM a\nWORKDIR /x/${A:-y}/${:z}\n", "2:20-2:25"),
                row("inside a quoted value", "FROM a\nLABEL a=\"x ${B\"\n", "2:12-2:16"),
                row("after a tab", "FROM a\n\tUSER\t${U?unset}\n", "2:7-2:17"),
                row("a continuation line", "FROM a\nENV A=1 \\\n    B=${A \\\n    C=3\n", "3:7-3:10"),
                row("after a comment and a blank line inside the instruction",
                        "FROM a\nLABEL a=1 \\\n# note\n\n  b=${Q:?needed}\n", "5:5-5:17"),
                row("a word split over two lines: only its first line underlined", "FROM a\nENV A=x${B\\\nC\n", "2:8-2:9"),
                row("the backtick escape", "# escape=`\nFROM a\nENV A=1 `\n  B=${A `\n  C=3\n", "4:5-4:8"),
                row("CRLF line endings", "FROM a\r\nENV A=1 \\\r\n  B=${A\r\n", "3:5-3:8"),
                row("trailing blanks after the word", "FROM a\nENV A=${B  \t\n", "2:7-2:10"),
                row("after a here-document, whose body is not expanded", "FROM a\nRUN <<EOF\necho ${\nEOF\nENV A=${B\n",
                        "5:7-5:10"),
                row("a byte-order mark before the first line", "\uFEFFFROM alpine:${V\n", "1:14-1:17"),
                row("a FROM image", "FROM alpine:${V\n", "1:13-1:16"),
                row("a COPY flag", "FROM a\nCOPY --chown=${U:?nouser} a b\n", "2:14-2:26"),
                row("a JSON escape hides the word: the keyword, said so",
                        "FROM a\nCOPY [\"\\u0024{A\", \"/d\"]\n", "2:1-2:5 column unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pointsAtTheDollar(String name, String dockerfile, String expected) {
        CheckResult result = new DockerfileChecker().check(new SourceFile("Dockerfile", dockerfile), Map.of(),
                Optional.empty());

        assertThat(result.diagnostics()).filteredOn(diagnostic -> diagnostic.severity() == Severity.ERROR)
                .extracting(ExpansionErrorPositionTest::position).containsExactly(expected);
    }

    private static String position(Diagnostic diagnostic) {
        var range = diagnostic.range();
        return range.startLine() + ":" + range.startColumn() + "-" + range.endLine() + ":" + range.endColumn()
                + (diagnostic.message().contains("column in the source is not known") ? " column unknown" : "");
    }

    private static Arguments row(String name, String dockerfile, String expected) {
        return Arguments.of(name, dockerfile, expected);
    }
}
