package dev.berth.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link WordExpander#expandWords} against {@code dockerfile/shell/words.txt}, whose expected cell
 * is the words in brackets, {@code [a][b c]}, or {@code <NONE>} for no words.
 */
class WordsTableTest {

    static List<CaseTable.Case> cases() throws IOException {
        return CaseTable.read("/dockerfile/shell/words.txt").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitsAsBuildKit(CaseTable.Case testCase) {
        WordExpander expander = new WordExpander(testCase.escape());
        if (testCase.expectsError()) {
            ExpansionException failure = catchThrowableOfType(ExpansionException.class,
                    () -> expander.expandWords(testCase.input(), testCase.env()));
            assertThat(failure).as("expected an error").isNotNull();
            assertThat(failure.getMessage()).isEqualTo(testCase.errorMessage());
            assertThat(failure.offset()).as("offset").isEqualTo(testCase.errorOffset());
            return;
        }
        WordsExpansion expansion = expander.expandWords(testCase.input(), testCase.env());
        assertThat(expansion.words()).containsExactlyElementsOf(words(testCase.expected()));
        testCase.names().ifPresent(names -> {
            assertThat(expansion.matched()).as("matched").containsExactlyElementsOf(names.matched());
            assertThat(expansion.unmatched()).as("unmatched").containsExactlyElementsOf(names.unmatched());
        });
    }

    private static List<String> words(String expected) {
        if (expected.equals("<NONE>")) {
            return List.of();
        }
        if (!expected.startsWith("[") || !expected.endsWith("]")) {
            throw new IllegalArgumentException("expected words in brackets: " + expected);
        }
        return Arrays.asList(expected.substring(1, expected.length() - 1).split("\\]\\[", -1));
    }
}
