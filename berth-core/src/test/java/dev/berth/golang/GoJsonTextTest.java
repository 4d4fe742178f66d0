package dev.berth.golang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strings and map keys as {@code json.Marshal} writes them; expected values are Go's output. */
class GoJsonTextTest {

    static Stream<Arguments> strings() {
        return Stream.of(
                arguments("", "\"\""),
                arguments("plain", "\"plain\""),
                arguments("a\"b\\c/d", "\"a\\\"b\\\\c/d\""),
                arguments("<a href=x&y>", "\"\\u003ca href=x\\u0026y\\u003e\""),
                arguments("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\""),
                arguments("\u0000\u0001\u000b\u001f", "\"\\u0000\\u0001\\u000b\\u001f\""),
                arguments("\u007f\u0085\u00a0", "\"\u007f\u0085\u00a0\""),
                arguments("\u2028\u2029", "\"\\u2028\\u2029\""),
                arguments("é中\ud83d\ude00", "\"é中\ud83d\ude00\""),
                arguments("\ud800", "\"\\ufffd\""),
                arguments("a\udc00b", "\"a\\ufffdb\""),
                arguments("\ude00\ud83d", "\"\\ufffd\\ufffd\""));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("strings")
    void escapesAsEncodingJson(String text, String json) {
        assertThat(GoJsonText.quoted(text)).isEqualTo(json);
        StringBuilder out = new StringBuilder("x");
        GoJsonText.appendQuoted(text, out);
        assertThat(out).hasToString("x" + json);
    }

    @Test
    void sortsMapKeysByTheirUtf8Bytes() {
        List<String> keys = Stream.of("b", "\ud83d\ude00", "ab", "a", "\uffff", "é", "B")
                .sorted(GoJsonText.MAP_KEY_ORDER).toList();
        // U+FFFF is EF BF BF in UTF-8 and sorts before the F0 of an emoji, unlike in UTF-16.
        assertThat(keys).containsExactly("B", "a", "ab", "b", "é", "\uffff", "\ud83d\ude00");
    }
}
