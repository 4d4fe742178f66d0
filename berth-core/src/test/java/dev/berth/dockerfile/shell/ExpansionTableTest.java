package dev.berth.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link WordExpander#expand} against {@code dockerfile/shell/expand.txt}. */
class ExpansionTableTest {

    static List<CaseTable.Case> cases() throws IOException {
        return CaseTable.read("/dockerfile/shell/expand.txt").cases();
    }

    @Test
    void tableCoversEnoughCases() throws IOException {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(150);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void expandsAsBuildKit(CaseTable.Case testCase) {
        WordExpander expander = new WordExpander(testCase.escape());
        if (testCase.expectsError()) {
            ExpansionException failure = catchThrowableOfType(ExpansionException.class,
                    () -> expander.expand(testCase.input(), testCase.env()));
            assertThat(failure).as("expected an error").isNotNull();
            assertThat(failure.getMessage()).isEqualTo(testCase.errorMessage());
            assertThat(failure.offset()).as("offset").isEqualTo(testCase.errorOffset());
            return;
        }
        Expansion expansion = expander.expand(testCase.input(), testCase.env());
        assertThat(expansion.result()).isEqualTo(testCase.expected());
        testCase.names().ifPresent(names -> {
            assertThat(expansion.matched()).as("matched").containsExactlyElementsOf(names.matched());
            assertThat(expansion.unmatched()).as("unmatched").containsExactlyElementsOf(names.unmatched());
        });
    }

    @Test
    void namesAreSortedAndUnmodifiable() {
        Expansion expansion = new WordExpander('\\').expand("$Z $A ${M} $y", Map.of("Z", "", "A", "1"));

        assertThat(expansion.matched()).containsExactly("A", "Z");
        assertThat(expansion.unmatched()).containsExactly("M", "y");
        assertThat(expansion.result()).isEqualTo(" 1  ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> expansion.matched().add("B"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void onlyBackslashAndBacktickAreEscapeCharacters() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WordExpander('$'))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'$'");
    }

    @Test
    void anExpanderIsReusableAcrossCalls() {
        WordExpander expander = new WordExpander('\\');
        expander.expand("$A", Map.of("A", "1"));

        Expansion second = expander.expand("$B", Map.of());

        assertThat(second.matched()).isEmpty();
        assertThat(second.unmatched()).isEqualTo(Set.of("B"));
    }
}
