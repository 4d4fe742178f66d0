package dev.berth.dockerfile.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** {@link DockerfileParser#parseAll}: every syntax error, each leaving out its instruction only. */
class DockerfileParserRecoveryTest {

    private final DockerfileParser parser = new DockerfileParser();

    @Test
    void collectsEverySyntaxErrorAndKeepsTheOtherInstructions() {
        SourceFile source = new SourceFile("Dockerfile", """
                FROM alpine
                RUN apt-get update
                    && apt-get install curl
                ENV ONLYKEY
                LABEL ok=1
                1BAD x
                RUN <<EOF
                never closed
                """);

        RecoveredTree recovered = parser.parseAll(source);

        assertThat(recovered.errors()).extracting(DockerfileParserRecoveryTest::summary).containsExactly(
                "3:5 expected an instruction keyword such as RUN or COPY, found \"&&\"",
                "4:1 ENV must have two arguments",
                "6:1 expected an instruction keyword such as RUN or COPY, found \"1bad\"",
                "7:1 unterminated heredoc \"EOF\"");
        assertThat(recovered.tree().orElseThrow().children()).extracting(Node::keyword)
                .containsExactly("from", "run", "label");
        assertThatThrownBy(() -> parser.parse(source)).isInstanceOf(InvalidInputException.class)
                .satisfies(thrown -> assertThat(((InvalidInputException) thrown).diagnostics())
                        .containsExactly(recovered.errors().getFirst()));
    }

    @Test
    void anOverlongLineIsAnErrorAndReadingGoesOnAfterIt() {
        SourceFile source = new SourceFile("Dockerfile", "FROM a\nRUN " + "x".repeat(70_000) + "\nUSER me\n");

        RecoveredTree recovered = parser.parseAll(source);

        assertThat(recovered.errors()).extracting(DockerfileParserRecoveryTest::summary)
                .containsExactly("2:1 dockerfile line greater than max allowed size of 65535");
        assertThat(recovered.tree().orElseThrow().children()).extracting(Node::keyword).containsExactly("from", "user");
    }

    @Test
    void aFileWithNoInstructionsHasNoTreeAndOneError() {
        RecoveredTree recovered = parser.parseAll(new SourceFile("Dockerfile", "# nothing\n\n"));

        assertThat(recovered.tree()).isEmpty();
        assertThat(recovered.errors()).extracting(Diagnostic::message).containsExactly("file with no instructions");
    }

    private static String summary(Diagnostic diagnostic) {
        return diagnostic.range().startLine() + ":" + diagnostic.range().startColumn() + " " + diagnostic.message();
    }
}
