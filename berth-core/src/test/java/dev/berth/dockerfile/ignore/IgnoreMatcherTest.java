package dev.berth.dockerfile.ignore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IgnoreMatcherTest {

    private static IgnoreMatcher read(String text) {
        return IgnoreMatcher.compile(new IgnoreFileReader().read(new SourceFile(".dockerignore", text)));
    }

    @Test
    void explainNamesTheLastPatternThatExcludedThePath() {
        IgnoreMatcher matcher = read("# build output\n*.log\n\nlogs\n!logs/keep.log\nlogs/keep.log\n");

        assertThat(matcher.explain("a.log")).contains(new IgnorePattern("*.log", 2));
        assertThat(matcher.explain("logs/x.txt")).contains(new IgnorePattern("logs", 4));
        assertThat(matcher.explain("logs/keep.log")).contains(new IgnorePattern("logs/keep.log", 6));
        assertThat(matcher.explain("src/main.c")).isEmpty();
    }

    @Test
    void explainIsEmptyForAReIncludedPath() {
        IgnoreMatcher matcher = read("docs\n!docs/README.md\n");

        assertThat(matcher.explain("docs/README.md")).isEmpty();
        assertThat(matcher.explain("docs/other.md")).contains(new IgnorePattern("docs", 1));
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            node_modules                   | node_modules | false
            node_modules,!node_modules/keep | node_modules | true
            node_modules,!node_modules/keep | other        | false
            a,!a/b/c                       | a            | true
            a,!a/b/c                       | a/b          | true
            a,!a/b/c                       | a/x          | false
            a,!a/b/c                       | a/b/c        | true
            a,!a/b/c                       | a/b/c/d      | false
            a,!ab                          | a            | false
            *,!**/*.go                     | vendor       | true
            *,!keep?                       | anything     | true
            a,!a\\[x]                      | b            | true
            a,!a^x                         | b            | true
            *,!a/b/**                      | a            | true
            *,!a/b/**                      | c            | false
            *,!a/b/*                       | a/b          | true
            *,!a/b/*                       | a/c          | false
            """)
    void mayContainIncludedFollowsBuildKitsWalk(String patterns, String dir, boolean expected) {
        IgnoreMatcher matcher = IgnoreMatcher.compile(List.of(patterns.split(",")));

        assertThat(matcher.mayContainIncluded(dir)).isEqualTo(expected);
    }

    @Test
    void patternsKeepTheirLineNumbers() {
        IgnoreMatcher matcher = read("\n\n# c\nfoo\n  !bar\n");

        assertThat(matcher.patterns()).containsExactly(new IgnorePattern("foo", 4), new IgnorePattern("!bar", 5));
    }

    @Test
    void noPatternsExcludeNothing() {
        assertThat(IgnoreMatcher.none().matches("anything")).isFalse();
        assertThat(IgnoreMatcher.compile(List.of()).mayContainIncluded("x")).isFalse();
    }

    /** Regression: a leading ** followed by text is a suffix test in Docker, not a directory match. */
    @Test
    void leadingDoubleStarWithoutSlashMatchesAnySuffix() {
        IgnoreMatcher matcher = IgnoreMatcher.compile(List.of("**.bak"));

        assertThat(matcher.matches("dir/file.bak")).isTrue();
        assertThat(matcher.matches("x.bak")).isTrue();
        assertThat(matcher.matches("bak")).isFalse();
    }
}
