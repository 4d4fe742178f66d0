package dev.berth.dockerfile.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeredocTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            leading tabs of every line      | '\\tone\\n\\t\\ttwo\\n'     | 'one\\ntwo\\n'
            spaces stay                     | '  one\\n \\ttwo\\n'        | '  one\\n \\ttwo\\n'
            inner tabs stay                 | 'a\\tb\\n'                  | 'a\\tb\\n'
            only after newline, as in Go    | 'a\\r\\tb\\u2028\\tc\\n\\td' | 'a\\r\\tb\\u2028\\tc\\nd'
            """)
    void chompRemovesLeadingTabsOfEachLine(String name, String content, String chomped) {
        String raw = unescape(content);
        assertThat(new Heredoc("EOF", 0, true, true, raw).chompedContent()).isEqualTo(unescape(chomped));
        assertThat(new Heredoc("EOF", 0, true, false, raw).chompedContent()).isEqualTo(raw);
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r").replace("\\u2028", "\u2028");
    }
}
