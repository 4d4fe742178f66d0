package dev.berth.dockerfile.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.error.InvalidInputException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every syntax error the parser reports: input, expected {@code line:column}, expected message. */
class DockerfileParserErrorTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                row("# escape=\\\n# escape=`\nFROM a\n", "2:1", "only one escape parser directive can be used"),
                row("# syntax=a\n# SYNTAX=b\nFROM a\n", "2:1", "only one syntax parser directive can be used"),
                row("# check=skip=all\n#check=error=true\nFROM a\n", "2:1", "only one check parser directive can be used"),
                row("# escape=x\nFROM a\n", "1:1", "invalid escape token 'x' does not match ` or \\"),
                row("  # escape=ab\nFROM a\n", "1:3", "invalid escape token 'ab' does not match ` or \\"),
                row("# escape= \t \nFROM a\n", "1:1", "invalid escape token ' ' does not match ` or \\"),
                row("FROM a\nENV A\n", "2:1", "ENV must have two arguments"),
                row("FROM a\nLABEL onlykey\n", "2:1", "LABEL must have two arguments"),
                row("FROM a\nLABEL a=b c\n", "2:1",
                        "Syntax error - can't find = in \"c\". Must be of the form: name=value"),
                row("FROM a\n  ENV A=b \"c\\td\"\n", "2:3",
                        "Syntax error - can't find = in \"\\\"c\\\\td\\\"\". Must be of the form: name=value"),
                row("FROM a\nCMD [\"a\", 1]\n", "2:1",
                        "when using JSON array syntax, arrays must be comprised of strings only"),
                row("FROM a\nCOPY [\"a\", [\"b\"]]\n", "2:1",
                        "when using JSON array syntax, arrays must be comprised of strings only"),
                row("FROM a\nHEALTHCHECK CMD [\"a\", true]\n", "2:1",
                        "when using JSON array syntax, arrays must be comprised of strings only"),
                row("FROM a\nONBUILD ENV x\n", "2:9", "ENV must have two arguments"),
                row("FROM a\nRUN <<EOF\necho x\n", "2:1", "unterminated heredoc \"EOF\""),
                row("FROM a\nCOPY <<one <<two /\n1\none\n2\n", "2:1", "unterminated heredoc \"two\""),
                row("FROM a\nRUN <<-EOF\n  EOF\n", "2:1", "unterminated heredoc \"EOF\""),
                row("", "1:1", "file with no instructions"),
                row("# syntax=x\n# only comments\n\n", "3:1", "file with no instructions"),
                row("FROM a\n\\\n", "2:1", "a line continuation at the end of the file continues no instruction"),
                row("FROM a\nRUN x\n  \\\n# c\n", "3:3", "a line continuation at the end of the file continues no instruction"),
                row("FROM a\n&& echo\n", "2:1", "expected an instruction keyword such as RUN or COPY, found \"&&\""),
                row("FROM a\n    -y curl\n", "2:5", "expected an instruction keyword such as RUN or COPY, found \"-y\""),
                row("FROM a\n\u0000\u0001 x\n", "2:1",
                        "expected an instruction keyword such as RUN or COPY, found \"\\x00\\x01\""),
                row("FROM a\nRUN " + "x".repeat(65_532) + "\n", "2:1",
                        "dockerfile line greater than max allowed size of 65535"),
                row("FROM a\nRUN " + "é".repeat(32_766) + "\n", "2:1",
                        "dockerfile line greater than max allowed size of 65535"),
                row("ONBUILD ".repeat(65) + "RUN x\n", "1:513", "ONBUILD nested more than 64 levels deep"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("errors")
    void reportsTheFirstErrorWithItsPosition(String dockerfile, String position, String message) {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> new DockerfileParser().parse(new SourceFile("Dockerfile", dockerfile)));

        assertThat(error).as("an InvalidInputException").isNotNull();
        assertThat(error.diagnostics()).hasSize(1);
        Diagnostic diagnostic = error.diagnostics().getFirst();
        assertThat(diagnostic.range().startLine() + ":" + diagnostic.range().startColumn()).isEqualTo(position);
        assertThat(diagnostic.message()).isEqualTo(message);
        assertThat(diagnostic.file()).isEqualTo("Dockerfile");
        assertThat(error.source()).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void acceptsWhatIsJustWithinTheLimits(String name, String dockerfile) {
        assertThat(new DockerfileParser().parse(new SourceFile("Dockerfile", dockerfile)).children()).isNotEmpty();
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of("line of 65535 bytes", "RUN " + "x".repeat(65_531) + "\n"),
                Arguments.of("line of 65535 bytes, two-byte characters", "RUN " + "é".repeat(32_765) + "x\n"),
                Arguments.of("ONBUILD nested 64 levels", "ONBUILD ".repeat(64) + "RUN x\n"));
    }

    private static Arguments row(String dockerfile, String position, String message) {
        return Arguments.of(dockerfile, position, message);
    }
}
