package dev.berth.dockerfile.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code strconv.Quote} and {@code unicode.IsSpace} as Go defines them; expected values are Go's output. */
class GoTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            plain                 | "plain"
            'a"b\\c'              | "a\\"b\\\\c"
            'é中😀'                | "é中😀"
            'tab\there'           | "tab\\there"
            'nl\nx'               | "nl\\nx"
            '\u0007\b\f\r\u000b'  | "\\a\\b\\f\\r\\v"
            '\u001b'              | "\\x1b"
            '\u007f'              | "\\x7f"
            '\u0080'              | "\\u0080"
            '\u00a0'              | "\\u00a0"
            '\u00ad'              | "\\u00ad"
            '\u200b'              | "\\u200b"
            '\u2028'              | "\\u2028"
            '\ufeff'              | "\\ufeff"
            '\ufffd'              | "\ufffd"
            '\ud800'              | "\\xed\\xa0\\x80"
            '\udfff'              | "\\xed\\xbf\\xbf"
            '\udb40\udc01'        | "\\U000e0001"
            '\udbff\udfff'        | "\\U0010ffff"
            """)
    void quotesAsStrconvQuote(String text, String quoted) {
        assertThat(GoText.quote(text)).isEqualTo(quoted);
    }

    @Test
    void quotesNulAsHexByte() {
        assertThat(GoText.quote("a\u0000b")).isEqualTo("\"a\\x00b\"");
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({
        "0009,true", "000A,true", "000B,true", "000C,true", "000D,true", "0020,true", "0085,true", "00A0,true",
        "1680,true", "2000,true", "200A,true", "2028,true", "2029,true", "202F,true", "205F,true", "3000,true",
        "001C,false", "001F,false", "200B,false", "FEFF,false", "0041,false", "180E,false"})
    void spaceIsUnicodeWhiteSpace(String hex, boolean space) {
        assertThat(GoText.isSpace(Integer.parseInt(hex, 16))).isEqualTo(space);
    }
}
