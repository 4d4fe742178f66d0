package dev.berth.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Behaviour that differs from POSIX sh on purpose, because BuildKit behaves so. Each test is named
 * after the quirk, so that "fixing" one towards sh fails here, by name.
 */
class BuildKitQuirksTest {

    private final WordExpander expander = new WordExpander('\\');

    @Test
    void bracketExpressionsAreLiteralInPatterns() {
        assertThat(expander.expand("${A#[ab]}", Map.of("A", "[ab]c")).result()).isEqualTo("c");
        assertThat(expander.expand("${A#[ab]}", Map.of("A", "ac")).result()).isEqualTo("ac");
    }

    @Test
    void patternWildcardsDoNotCrossNewlines() {
        assertThat(expander.expand("${A##*/}", Map.of("A", "a/b\nc/d")).result()).isEqualTo("b\nc/d");
    }

    @Test
    void replaceAllExpandsDollarZeroInTheReplacementToTheMatch() {
        assertThat(expander.expand("${A//b/$R}", Map.of("A", "abc", "R", "<$0>")).result()).isEqualTo("a<b>c");
        assertThat(expander.expand("${A/b/$R}", Map.of("A", "abc", "R", "<$0>")).result()).isEqualTo("a<$0>c");
    }

    @Test
    void replacementKeepsTheEscapeCharacter() {
        assertThat(expander.expand("${A/b/\\}}", Map.of("A", "abc")).result()).isEqualTo("a\\}c");
    }

    @Test
    void missingClosingBraceHidesTheErrorInsideIt() {
        assertThatThrownBy(() -> expander.expand("${A:-${B:?oops}", Map.of()))
                .isInstanceOf(ExpansionException.class)
                .hasMessage("syntax error: missing '}'");
    }

    @Test
    void anInvalidSuffixPatternIsReportedReversed() {
        assertThatThrownBy(() -> expander.expand("${A%x\\y}", Map.of("A", "z")))
                .hasMessage("invalid pattern (\\yx) in substitution: invalid escape '\\y'");
    }

    @Test
    void quotedExpansionsStillSplitIntoWordsWhenTheDollarIsUnquoted() {
        assertThat(expander.expandWords("${A:-\"x y\"}", Map.of()).words()).isEqualTo(List.of("x", "y"));
    }

    @Test
    void escapedNewlineInDoubleQuotesIsKept() {
        assertThat(expander.expand("\"a\\\nb\"", Map.of()).result()).isEqualTo("a\\\nb");
    }

    @Test
    void nestingUpToTheLimitExpandsOnADefaultSizedStack() throws InterruptedException {
        int depth = ExpansionRun.MAX_NESTING;
        String word = "${A:-".repeat(depth - 1) + "${A:-deep}" + "}".repeat(depth - 1);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                outcome.set(expander.expand(word, Map.of()).result());
            } catch (Throwable failure) {
                outcome.set(failure);
            }
        }, "default-stack", 1024 * 1024);
        thread.start();
        thread.join();

        assertThat(outcome.get()).isEqualTo("deep");
    }

    @Test
    void nestingBeyondTheLimitIsAnExpansionError() {
        int depth = ExpansionRun.MAX_NESTING + 1;
        String word = "${A:-".repeat(depth) + "}".repeat(depth);

        assertThatThrownBy(() -> expander.expand(word, Map.of()))
                .isInstanceOf(ExpansionException.class)
                .hasMessage("syntax error: substitutions nested more than 100 deep")
                .extracting(failure -> ((ExpansionException) failure).offset())
                .isEqualTo(5 * ExpansionRun.MAX_NESTING);
    }
}
