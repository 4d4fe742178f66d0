package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The reference parser is total and its output is a fixed point: printing and parsing again changes nothing. */
class ImageReferenceProperties {

    @Property(tries = 2000)
    void parsesOrRefusesWithInvalidReferenceAndRoundTrips(@ForAll("references") String text) {
        ImageReference reference;
        try {
            reference = ImageReference.parse(text);
        } catch (InvalidReferenceException refused) {
            assertThat(refused.text()).isEqualTo(text);
            assertThat(refused.getMessage()).contains("invalid re");
            return;
        }
        assertThat(ImageReference.parse(reference.toString())).isEqualTo(reference);
        // Docker refuses a bare 64-hex string as a name, so docker.io/library/<64 hex> has no familiar form to parse.
        if (!reference.familiar().matches("[0-9a-f]{64}")) {
            assertThat(ImageReference.parse(reference.familiar())).isEqualTo(reference);
        }
        assertThat(reference.name().length()).isLessThanOrEqualTo(255);
    }

    @Provide
    Arbitrary<String> references() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcAZ09._-:/@[]").ofMaxLength(12),
                Arbitraries.of("docker.io", "localhost", "index.docker.io", "library", "sha256:", ":5000", "/",
                        "0123456789abcdef".repeat(4), "@sha256:" + "0123456789abcdef".repeat(4), "é", " "));
        return Arbitraries.oneOf(pieces.list().ofMaxSize(6).map(list -> String.join("", list)),
                Arbitraries.strings().ofMaxLength(300));
    }
}
