package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The JSON-lines contract of {@code berth dockerfile expand}, run in-process through {@link Main}'s tree. */
class DockerfileExpandCommandTest {

    private CliRun last;

    private int run(String stdin, String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "dockerfile";
        full[1] = "expand";
        System.arraycopy(args, 0, full, 2, args.length);
        last = CliRun.withStdin(stdin.getBytes(StandardCharsets.UTF_8), full);
        return last.exitCode();
    }

    @Test
    void writesOneResultLinePerInputLineWithSortedNames() {
        int exit = run("""
                {"input": "${B:-x} $A $C", "env": {"A": "1", "B": ""}}
                {"input": "plain"}
                """);

        assertThat(exit).isZero();
        assertThat(last.out()).isEqualTo("""
                {"result":"x 1 ","matched":["A","B"],"unmatched":["C"]}
                {"result":"plain","matched":[],"unmatched":[]}
                """);
        assertThat(last.err()).isEmpty();
    }

    @Test
    void anExpansionErrorIsReportedOnItsLineAndTheNextLineStillRuns() {
        int exit = run("""
                {"input": "${A:?must be set}"}
                {"input": "${"}
                {"input": "ok"}
                """);

        assertThat(exit).isZero();
        assertThat(last.out()).isEqualTo("""
                {"error":"A: must be set"}
                {"error":"syntax error: missing '}'"}
                {"result":"ok","matched":[],"unmatched":[]}
                """);
    }

    @Test
    void wordsSplitsOnUnquotedWhitespaceAfterExpansion() {
        int exit = run("""
                {"input": "$A \\"b c\\" ''", "env": {"A": "x y"}}
                """, "--words");

        assertThat(exit).isZero();
        assertThat(last.out()).isEqualTo("""
                {"words":["x","y","b c"],"matched":["A"],"unmatched":[]}
                """);
    }

    @Test
    void theEscapeOptionSelectsTheBacktick() {
        int exit = run("""
                {"input": "C:\\\\dir `$A", "env": {"A": "1"}}
                """, "--escape", "`");

        assertThat(exit).isZero();
        assertThat(last.out()).isEqualTo("""
                {"result":"C:\\\\dir $A","matched":[],"unmatched":[]}
                """);
    }

    @Test
    void blankLinesAreSkipped() {
        assertThat(run("\n{\"input\": \"a\"}\n  \n")).isZero();

        assertThat(last.out()).isEqualTo("{\"result\":\"a\",\"matched\":[],\"unmatched\":[]}\n");
    }

    @Test
    void invalidJsonStopsWithTheLineNumberAndExitOne() {
        int exit = run("""
                {"input": "a"}

                {"input": oops}
                {"input": "never read"}
                """);

        assertThat(exit).isEqualTo(1);
        assertThat(last.out()).isEqualTo("{\"result\":\"a\",\"matched\":[],\"unmatched\":[]}\n");
        assertThat(last.err()).startsWith("<stdin>:3: not valid JSON: ").contains("hint: each line must be");
    }

    @Test
    void aLineThatIsNotAnObjectWithAStringInputIsRejected() {
        assertThat(run("[1]\n")).isEqualTo(1);
        assertThat(last.err()).startsWith("<stdin>:1: expected a JSON object, found array");
    }

    @Test
    void anEnvValueThatIsNotAStringIsRejected() {
        assertThat(run("{\"input\": \"$A\", \"env\": {\"A\": 1}}\n")).isEqualTo(1);
        assertThat(last.err()).startsWith("<stdin>:1: \"env\" value of \"A\" must be a string");
    }

    @Test
    void aMissingInputIsRejected() {
        assertThat(run("{\"env\": {}}\n")).isEqualTo(1);
        assertThat(last.err()).startsWith("<stdin>:1: \"input\" must be a string");
    }

    @Test
    void anEscapeOtherThanBackslashOrBacktickIsAUsageError() {
        assertThat(run("", "--escape", "x")).isEqualTo(2);
        assertThat(last.err()).contains("--escape must be \\ or `, not x");
    }
}
