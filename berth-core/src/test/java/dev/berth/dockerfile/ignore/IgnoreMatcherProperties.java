package dev.berth.dockerfile.ignore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.error.InvalidInputException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Totality: whatever the patterns and paths, compiling either succeeds or fails with an
 * InvalidInputException, and matching a compiled matcher never throws.
 */
class IgnoreMatcherProperties {

    @Property(tries = 400)
    void compilingAndMatchingNeverThrowAnythingElse(
            @ForAll @Size(max = 6) List<@From("patterns") String> patterns,
            @ForAll @Size(max = 6) List<@From("paths") String> paths) {
        IgnoreMatcher matcher;
        try {
            matcher = IgnoreMatcher.compile(patterns);
        } catch (InvalidInputException expected) {
            assertThat(expected.diagnostics()).isNotEmpty();
            return;
        }
        for (String path : paths) {
            boolean excluded = matcher.matches(path);
            assertThat(matcher.explain(path).isPresent()).isEqualTo(excluded);
            matcher.mayContainIncluded(path);
        }
    }

    @Property(tries = 200)
    void readingAnyTextNeverThrows(@ForAll("text") String text) {
        IgnoreFile file = new IgnoreFileReader().read(new dev.berth.diagnostic.SourceFile("f", text));
        assertThat(file.patterns()).allSatisfy(pattern -> assertThat(pattern.text()).isNotEmpty());
    }

    /** Oracle: a pattern without wildcards excludes exactly itself and what lies beneath it. */
    @Property(tries = 300)
    void literalPatternExcludesItselfAndItsContents(@ForAll("literals") String pattern, @ForAll("literals") String path) {
        IgnoreMatcher matcher = IgnoreMatcher.compile(List.of(pattern));

        boolean expected = path.equals(pattern) || path.startsWith(pattern + "/");
        assertThat(matcher.matches(path)).isEqualTo(expected);
        assertThat(matcher.matches(pattern + "/" + path)).isTrue();
    }

    @Provide
    Arbitrary<String> literals() {
        Arbitrary<String> element = Arbitraries.strings().withChars("ab.-é").ofMinLength(1).ofMaxLength(3)
                .filter(text -> !text.equals(".") && !text.equals(".."));
        return element.list().ofMinSize(1).ofMaxSize(3).map(elements -> String.join("/", elements));
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars("ab/*?[]^-!\\.{}$é ").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withChars("ab/.-^[]*é").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars("ab/*?[]!#\n\r\t \uFEFF.").ofMaxLength(40);
    }
}
