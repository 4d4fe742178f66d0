package dev.berth.golang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code unicode.IsSpace}, the {@code strings} trimming built on it and UTF-8 length; expected values are Go's. */
class GoStringsTest {

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({
        "0009,true", "000A,true", "000B,true", "000C,true", "000D,true", "0020,true", "0085,true", "00A0,true",
        "1680,true", "2000,true", "200A,true", "2028,true", "2029,true", "202F,true", "205F,true", "3000,true",
        "001C,false", "001F,false", "200B,false", "FEFF,false", "0041,false", "180E,false", "0008,false",
        "000E,false", "1FFF,false", "200C,false"})
    void spaceIsUnicodeWhiteSpace(String hex, boolean space) {
        assertThat(GoStrings.isSpace(Integer.parseInt(hex, 16))).isEqualTo(space);
    }

    /** Input, then Go's {@code TrimSpace}, {@code TrimLeftFunc(IsSpace)} and {@code TrimRightFunc(IsSpace)}. */
    static Stream<Arguments> trimmed() {
        return Stream.of(
                arguments("", "", "", ""),
                arguments("abc", "abc", "abc", "abc"),
                arguments(" \t\n\u000b\f\r ", "", "", ""),
                arguments("  a b  ", "a b", "a b  ", "  a b"),
                arguments("\u0085\u00a0x\u2028\u3000", "x", "x\u2028\u3000", "\u0085\u00a0x"),
                arguments("\u001cx\u001f", "\u001cx\u001f", "\u001cx\u001f", "\u001cx\u001f"),
                arguments("\u200bx\ufeff", "\u200bx\ufeff", "\u200bx\ufeff", "\u200bx\ufeff"),
                arguments(" \ud83d\ude00 ", "\ud83d\ude00", "\ud83d\ude00 ", " \ud83d\ude00"),
                arguments("\u1680\u2000\u200a\u202f\u205f", "", "", ""));
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("trimmed")
    void trimsGoWhiteSpace(String text, String both, String left, String right) {
        assertThat(GoStrings.trimSpace(text)).isEqualTo(both);
        assertThat(GoStrings.trimLeftSpace(text)).isEqualTo(left);
        assertThat(GoStrings.trimRightSpace(text)).isEqualTo(right);
    }

    static Stream<Arguments> utf8Lengths() {
        return Stream.of(
                arguments("", 0L),
                arguments("abc", 3L),
                arguments("é", 2L),
                arguments("中", 3L),
                arguments("\ud83d\ude00", 4L),
                arguments("\ud800", 3L),
                arguments("a\udc00", 4L));
    }

    @ParameterizedTest(name = "[{index}] {1} bytes")
    @MethodSource("utf8Lengths")
    void countsUtf8Bytes(String text, long bytes) {
        assertThat(GoStrings.utf8Length(text, 0, text.length())).isEqualTo(bytes);
    }
}
