package dev.berth.dockerfile.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.berth.diagnostic.SourceFile;
import dev.berth.error.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Huge and pathological inputs: each must end in a tree or an {@link InvalidInputException}, quickly and
 * without deep recursion. The time limits are loose (shared CI machines); a quadratic path would blow them.
 */
class DockerfileParserLimitsTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final int MB = 1024 * 1024;

    private static SyntaxTree parse(String text) {
        return new DockerfileParser().parse(new SourceFile("Dockerfile", text));
    }

    @Test
    void hundredMegabyteLineIsRejectedAsBuildKitDoes() {
        String text = "FROM a\nRUN " + "x".repeat(100 * MB) + "\n";
        assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Dockerfile:2: dockerfile line greater than max allowed size of 65535"));
    }

    @Test
    void hundredMegabyteInstructionMadeOfContinuationsIsParsed() {
        String line = "x".repeat(60) + " \\\n";
        String text = "FROM a\nRUN " + line.repeat(100 * MB / line.length()) + "end\n";
        SyntaxTree tree = assertTimeoutPreemptively(LIMIT, () -> parse(text));
        assertThat(tree.children().get(1).args().getFirst()).hasSizeGreaterThan(95 * MB).endsWith("x end");
    }

    @Test
    void millionLinesAreParsed() {
        String text = "FROM a\n" + "# comment\nRUN x\n".repeat(500_000);
        SyntaxTree tree = assertTimeoutPreemptively(LIMIT, () -> parse(text));
        assertThat(tree.children()).hasSize(500_001);
        assertThat(tree.children().getLast().startLine()).isEqualTo(1_000_001);
    }

    @Test
    void unterminatedHeredocOfAMillionLinesIsAnError() {
        String text = "FROM a\nRUN <<EOF\n" + "content\n".repeat(1_000_000);
        assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Dockerfile:2: unterminated heredoc \"EOF\""));
    }

    @Test
    void deepBackslashRunsAreLinear() {
        String runs = "\\".repeat(65_000);
        String text = "FROM a\nRUN " + runs + "\nRUN a" + runs.substring(1) + "\n" + ("\\\n").repeat(500_000) + "RUN b\n";
        SyntaxTree tree = assertTimeoutPreemptively(LIMIT, () -> parse(text));
        assertThat(tree.children()).hasSize(4);
        assertThat(tree.children().get(3).startLine()).isEqualTo(4);
        assertThat(tree.children().get(3).args()).containsExactly("b");
    }

    @Test
    void deeplyNestedJsonFallsBackToShellFormWithoutRecursion() {
        String nested = "[".repeat(60_000);
        SyntaxTree tree = assertTimeoutPreemptively(LIMIT, () -> parse("FROM a\nCMD " + nested + "\n"));
        assertThat(tree.children().get(1).json()).isFalse();
        assertThat(tree.children().get(1).args()).containsExactly(nested);
    }

    @Test
    void jsonNestedBeyondGosLimitIsNotJson() {
        String tooDeep = "[".repeat(10_001) + "]".repeat(10_001);
        SyntaxTree tree = parse("FROM a\nCMD " + tooDeep + "\n");
        assertThat(tree.children().get(1).json()).isFalse();
    }

    @Test
    void jsonNestedWithinGosLimitIsJsonWithANonString() {
        String deepest = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> parse("FROM a\nCMD " + deepest + "\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("arrays must be comprised of strings only");
    }

    @Test
    void jsonWithANumberTooLargeForAFloat64IsNotJsonAsInGo() {
        SyntaxTree tree = parse("FROM a\nCMD [\"a\", 1e309]\n");
        assertThat(tree.children().get(1).json()).isFalse();
        assertThat(tree.children().get(1).args()).containsExactly("[\"a\", 1e309]");
        assertThatThrownBy(() -> parse("FROM a\nCMD [\"a\", [1e308, 1e-999]]\n"))
                .hasMessageEndingWith("arrays must be comprised of strings only");
    }

    @Test
    void nulBytesAndControlCharactersStayInArguments() {
        SyntaxTree tree = parse("FROM a\u0000b\nRUN \u0000\u0001\u0002\n");
        assertThat(new SyntaxTreeDumper().dump(tree)).isEqualTo("(from \"a\\x00b\")\n(run \"\\x00\\x01\\x02\")\n");
    }

    @Test
    void deeplyNestedShellBracesInAHeredocMarkerAreADelimiterLikeAnyOther() {
        String braces = "${".repeat(20_000) + "}".repeat(20_000);
        String text = "FROM a\nRUN <<" + braces + " x\nbody\n" + braces + "\nRUN <<" + braces + "\n";
        assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Dockerfile:5: unterminated heredoc \"" + "${".repeat(28) + "$...\""));
        SyntaxTree tree = parse(text.substring(0, text.lastIndexOf("RUN")));
        assertThat(tree.children().get(1).heredocs().getFirst().content()).isEqualTo("body\n");
    }
}
