package dev.berth.dockerfile.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.Severity;
import dev.berth.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error message of {@link InstructionParser}, with the position it points at (rows in errors.txt). */
class InstructionErrorsTest {

    static Stream<Arguments> rows() throws IOException {
        try (InputStream in = InstructionErrorsTest.class.getResourceAsStream("/dockerfile/instruction/errors.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(" \\| "))
                    .map(cells -> Arguments.of(cells[0], cells[1], cells[2],
                            cells.length > 3 ? Optional.of(cells[3]) : Optional.empty()))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reportsDockersMessageAtTheBadWord(String text, String position, String message, Optional<String> hint) {
        InvalidInputException thrown = catchThrowableOfType(InvalidInputException.class,
                () -> TestNodes.parser(text).parse(TestNodes.line(text)));

        assertThat(thrown).as("an error for %s", text).isNotNull();
        assertThat(thrown.diagnostics()).hasSize(1);
        Diagnostic diagnostic = thrown.diagnostics().getFirst();
        assertThat(diagnostic.severity()).isEqualTo(Severity.ERROR);
        assertThat(diagnostic.message()).isEqualTo(message);
        assertThat(diagnostic.range().startLine() + ":" + diagnostic.range().startColumn() + "-"
                + diagnostic.range().endColumn()).isEqualTo(position);
        assertThat(diagnostic.hint()).isEqualTo(hint);
        assertThat(Arrays.asList(thrown.source().orElseThrow().name())).containsExactly("Dockerfile");
    }
}
