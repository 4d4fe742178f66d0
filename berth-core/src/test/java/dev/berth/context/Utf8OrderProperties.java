package dev.berth.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8OrderProperties {

    @Property(tries = 2000)
    void ordersAsTheUtf8BytesCompareUnsigned(@ForAll("paths") String a, @ForAll("paths") String b) {
        int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        assertThat(Integer.signum(Utf8Order.INSTANCE.compare(a, b))).isEqualTo(expected);
    }

    /** Short strings over a few characters from each UTF-8 length, so that prefixes and ties are common. */
    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("a", "b", "/", "-", "é", "\u0800", "\uE000", "\uFFFD", "\uD83D\uDE00", "\uD800\uDC00", "\uDBFF\uDFFF")
                .list().ofMaxSize(6).map(parts -> String.join("", parts));
    }

    @ParameterizedTest
    @CsvSource({
        "a, b, -1",
        "a/b, a-b, 1",
        "ab, a, 1",
        "\uE000, \uD83D\uDE00, -1",
        "\uFFFD, \uD800\uDC00, -1",
        "é, z, 1",
    })
    void knownPairs(String a, String b, int sign) {
        assertThat(Integer.signum(Utf8Order.INSTANCE.compare(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(Utf8Order.INSTANCE.compare(b, a))).isEqualTo(-sign);
    }
}
