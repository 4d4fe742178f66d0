package dev.berth.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Totality of the expander: any input ends quickly with a result or an {@link ExpansionException}. */
class WordExpanderProperties {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Property(tries = 3000)
    void shellLikeInputExpandsOrFailsWithAnExpansionException(
            @ForAll("shellLike") String word, @ForAll("environments") Map<String, String> env,
            @ForAll("escapes") char escape) {
        assertTotal(new WordExpander(escape), word, env);
    }

    @Property(tries = 1000)
    void arbitraryInputExpandsOrFailsWithAnExpansionException(
            @ForAll @StringLength(max = 60) String word, @ForAll("environments") Map<String, String> env) {
        assertTotal(new WordExpander('\\'), word, env);
    }

    @Property(tries = 500)
    void textWithoutSpecialCharactersIsUnchanged(@ForAll("plain") String word) {
        Expansion expansion = new WordExpander('\\').expand(word, Map.of());

        assertThat(expansion.result()).isEqualTo(withoutLeadingBom(word));
        assertThat(expansion.matched()).isEmpty();
        assertThat(expansion.unmatched()).isEmpty();
    }

    @Property(tries = 500)
    void textWithoutSpecialCharactersSplitsOnWhitespace(@ForAll("plain") String line) {
        List<String> words = new WordExpander('\\').expandWords(line, Map.of()).words();

        List<String> expected = Arrays.stream(withoutLeadingBom(line).split("[ \\t\\n]+")).filter(w -> !w.isEmpty()).toList();
        assertThat(words).isEqualTo(expected);
    }

    @Property(tries = 500)
    void aSingleQuotedWordIsLiteral(@ForAll("plain") String text, @ForAll("shellLike") String noise) {
        String literal = (text + noise).replace("'", "");

        assertThat(new WordExpander('\\').expand("'" + literal + "'", Map.of("A", "1")).result())
                .isEqualTo(literal);
    }

    /** Go's text/scanner skips a byte order mark at the start, and so does the expander. */
    private static String withoutLeadingBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static void assertTotal(WordExpander expander, String word, Map<String, String> env) {
        long started = System.nanoTime();
        for (boolean words : new boolean[] {false, true}) {
            try {
                if (words) {
                    assertThat(expander.expandWords(word, env).words()).doesNotContain("");
                } else {
                    assertThat(expander.expand(word, env).result()).isNotNull();
                }
            } catch (ExpansionException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                assertThat(expected.offset()).isBetween(0, word.length());
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LIMIT);
    }

    @Provide
    Arbitrary<String> shellLike() {
        return Arbitraries.strings()
                .withChars("${}:-+?#%/\\'\"`*[]!@0123 aAB\n".toCharArray())
                .ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> plain() {
        return Arbitraries.strings().withChars("abcXYZ019 \t\n.,;:!?*[]{}()#%/-+=@éß\uFEFF".toCharArray())
                .ofMaxLength(40);
    }

    @Provide
    Arbitrary<Map<String, String>> environments() {
        Arbitrary<String> names = Arbitraries.of("A", "B", "AB", "1", "@", "#", "");
        Arbitrary<String> values = Arbitraries.strings().withChars("ab $*?\\/{}\n0".toCharArray()).ofMaxLength(30);
        return Arbitraries.maps(names, values).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Character> escapes() {
        return Arbitraries.of('\\', '`');
    }
}
