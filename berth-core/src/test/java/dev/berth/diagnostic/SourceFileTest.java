package dev.berth.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceFileTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            # text (\\n, \\r escaped) | lines | line 1 | line 2 | line 3
            ''                        | 0     | ''     | ''     | ''
            a                         | 1     | a      | ''     | ''
            a\\n                      | 1     | a      | ''     | ''
            a\\nb                     | 2     | a      | b      | ''
            a\\r\\nb\\r\\n            | 2     | a      | b      | ''
            \\n\\nc                   | 3     | ''     | ''     | c
            a\\rb\\nc                 | 2     | a\\rb  | c      | ''
            a\\r\\r\\nb               | 2     | a      | b      | ''
            """)
    void splitsOnNewlineOnlyAndDropsCarriageReturnsBeforeIt(String escaped, int lines, String one, String two,
                                                           String three) {
        SourceFile source = new SourceFile("f", unescape(escaped));

        assertThat(source.lineCount()).isEqualTo(lines);
        assertThat(source.line(1)).isEqualTo(unescape(one));
        assertThat(source.line(2)).isEqualTo(unescape(two));
        assertThat(source.line(3)).isEqualTo(unescape(three));
    }

    @Test
    void outOfRangeLinesAreEmpty() {
        SourceFile source = new SourceFile("f", "a\nb\n");

        assertThat(source.line(0)).isEmpty();
        assertThat(source.line(-1)).isEmpty();
        assertThat(source.line(4)).isEmpty();
    }

    @Test
    void everyLineOfALargeFileIsFound() {
        String text = String.join("\n", IntStream.rangeClosed(1, 100_000).mapToObj(n -> "line " + n).toList());
        SourceFile source = new SourceFile("big", text);

        assertThat(source.lineCount()).isEqualTo(100_000);
        assertThat(IntStream.rangeClosed(1, 100_000).allMatch(n -> source.line(n).equals("line " + n))).isTrue();
    }

    @Test
    void equalByNameAndText() {
        assertThat(new SourceFile("f", "x")).isEqualTo(new SourceFile("f", "x")).hasSameHashCodeAs(new SourceFile("f", "x"));
        assertThat(new SourceFile("f", "x")).isNotEqualTo(new SourceFile("g", "x"));
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\r", "\r");
    }
}
