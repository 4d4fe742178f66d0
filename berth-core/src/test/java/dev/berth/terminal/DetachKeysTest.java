package dev.berth.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ctrl-p ctrl-q in what is typed, read by read: what is sent on, and whether the sequence came. */
class DetachKeysTest {

    /** Reads as hex separated by {@code /}; {@code -} is an empty result. */
    @ParameterizedTest(name = "{0} -> {1}, detached {2}")
    @CsvSource({
            "6869,         6869,     false",
            "1011,         -,        true",
            "681011,       68,       true",
            "10/11,        -,        true",
            "10/68,        1068,     false",
            "1010/11,      10,       true",
            "101069,       1010 69,  false",
            "10110068,     -,        true",
            "11,           11,       false",
            "10,           -,        false",
    })
    void findsTheSequenceAcrossReads(String reads, String sent, boolean detached) {
        DetachKeys keys = new DetachKeys();
        List<String> out = new ArrayList<>();
        for (String read : reads.split("/")) {
            byte[] bytes = HexFormat.of().parseHex(read);
            out.add(HexFormat.of().formatHex(keys.filter(bytes, bytes.length)));
        }
        String joined = String.join("", out);
        assertThat(joined.isEmpty() ? "-" : joined).isEqualTo(sent.replace(" ", ""));
        assertThat(keys.detached()).isEqualTo(detached);
    }
}
