package dev.berth.dockerfile.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.syntax.Node;
import dev.berth.error.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Found by InstructionParserProperties: an empty ARG word escaped as IllegalArgumentException. */
class BlankArgWordRegressionTest {

    @Test
    void anEmptyArgWordIsABlankNameDiagnostic() {
        Node node = new Node("arg", List.of(), List.of("A", ""), false, "ARG A \"\"", List.of(), Optional.empty(),
                1, 1, 1);

        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
                () -> new InstructionParser(new SourceFile("Dockerfile", "ARG A \"\"\n")).parse(node));

        assertThat(thrown.diagnostics()).singleElement()
                .satisfies(diagnostic -> assertThat(diagnostic.headline()).isEqualTo("Dockerfile:1: ARG names can not be blank"));
    }
}
