package dev.berth.golang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code strconv.Quote}, {@code strconv.QuoteRune} and {@code strconv.IsPrint}; expected values are Go's output. */
class GoStrconvTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            plain                 | "plain"
            'a"b\\c'              | "a\\"b\\\\c"
            it's                  | "it's"
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
        assertThat(GoStrconv.quote(text)).isEqualTo(quoted);
    }

    @Test
    void quotesNulAndEmptyText() {
        assertThat(GoStrconv.quote("a\u0000b")).isEqualTo("\"a\\x00b\"");
        assertThat(GoStrconv.quote("")).isEqualTo("\"\"");
    }

    /** Go's quoterunetests (quote_test.go) and the {@code %q} of small HEALTHCHECK retry counts. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            97       | 'a'
            0        | '\\x00'
            3        | '\\x03'
            7        | '\\a'
            10       | '\\n'
            11       | '\\v'
            39       | '\\''
            34       | '"'
            92       | '\\\\'
            127      | '\\x7f'
            128      | '\\u0080'
            160      | '\\u00a0'
            255      | 'ÿ'
            9786     | '☺'
            16406    | '䀖'
            57005    | '�'
            65533    | '�'
            65534    | '\\ufffe'
            1114111  | '\\U0010ffff'
            1114112  | '�'
            -1       | '�'
            """)
    void quotesRunesAsStrconvQuoteRune(int rune, String quoted) {
        assertThat(GoStrconv.quoteRune(rune)).isEqualTo(quoted);
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({
        "0020,true", "0041,true", "00E9,true", "0301,true", "20AC,true", "1F600,true", "4E2D,true",
        "0009,false", "007F,false", "00A0,false", "00AD,false", "2028,false", "3000,false", "FEFF,false",
        "E000,false", "10FFFF,false"})
    void printIsLettersMarksNumbersPunctuationSymbolsAndSpace(String hex, boolean printable) {
        assertThat(GoStrconv.isPrint(Integer.parseInt(hex, 16))).isEqualTo(printable);
    }
}
