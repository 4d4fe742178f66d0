package dev.berth.dockerfile.ignore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.error.InvalidInputException;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MalformedPatternTest {

    static Stream<Arguments> cases() throws IOException {
        return IgnoreMatcherTableTest.table("dockerignore/malformed-cases.txt").stream().map(line -> {
            String[] columns = line.split(" +", 3);
            return Arguments.of(columns[0], Integer.parseInt(columns[1]), columns[2]);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedPatternIsReportedAtItsLineAndColumn(String pattern, int column, String message) {
        SourceFile source = new SourceFile(".dockerignore", "# header\nok\n" + pattern + "\n");
        IgnoreFile file = new IgnoreFileReader().read(source);

        InvalidInputException failure = catchThrowableOfType(
                InvalidInputException.class, () -> IgnoreMatcher.compile(file));

        assertThat(failure).as(pattern).isNotNull();
        Diagnostic diagnostic = failure.diagnostics().getFirst();
        assertThat(diagnostic.headline()).startsWith(".dockerignore:3: bad ignore pattern").contains(message);
        assertThat(diagnostic.range().startColumn()).isEqualTo(column);
        assertThat(failure.source()).contains(source);
    }

    @Test
    void everyMalformedPatternOfAFileIsReported() {
        IgnoreFile file = new IgnoreFileReader().read(new SourceFile(".dockerignore", "[\nok\nx\\\n"));

        InvalidInputException failure = catchThrowableOfType(
                InvalidInputException.class, () -> IgnoreMatcher.compile(file));

        assertThat(failure.diagnostics()).extracting(Diagnostic::line).containsExactly(1, 3);
    }
}
