package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.berth.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageReferenceTest {

    private static final String HEX64 = "0123456789abcdef".repeat(4);
    private static final String SHA256 = "sha256:" + HEX64;
    private static final String SHA512 = "sha512:" + "fedcba9876543210".repeat(8);

    /** Rows of {@code image/references.txt}: input, then the normalized and familiar forms or {@code ! message}. */
    static Stream<Arguments> table() throws IOException {
        String text;
        try (InputStream in = ImageReferenceTest.class.getResourceAsStream("/image/references.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\\|", -1))
                .map(cells -> Arguments.of(expand(cells[0].strip()), expand(cells[1].strip()),
                        cells.length > 2 ? expand(cells[2].strip()) : ""));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("table")
    void parsesAsDockerDoes(String input, String normalizedOrError, String familiar) {
        if (normalizedOrError.startsWith("!")) {
            String message = normalizedOrError.substring(1).strip();
            assertThatThrownBy(() -> ImageReference.parse(input))
                    .isInstanceOf(InvalidReferenceException.class)
                    .hasMessage(message)
                    .satisfies(e -> assertThat(((InvalidReferenceException) e).text()).isEqualTo(input));
        } else {
            ImageReference reference = ImageReference.parse(input);
            assertThat(reference.toString()).isEqualTo(normalizedOrError);
            assertThat(reference.familiar()).isEqualTo(familiar);
            assertThat(ImageReference.parse(reference.toString())).isEqualTo(reference);
            assertThat(ImageReference.parse(reference.familiar())).isEqualTo(reference);
        }
    }

    @Test
    void splitsIntoDomainPathTagAndDigest() {
        ImageReference reference = ImageReference.parse("registry:5000/ns/name:tag@" + SHA256);

        assertThat(reference.domain()).isEqualTo("registry:5000");
        assertThat(reference.path()).isEqualTo("ns/name");
        assertThat(reference.tag()).contains("tag");
        assertThat(reference.digest()).contains(Digest.parse(SHA256));
        assertThat(reference.name()).isEqualTo("registry:5000/ns/name");
        assertThat(reference.familiarName()).isEqualTo("registry:5000/ns/name");
    }

    @Test
    void defaultTagIsLatestOnlyWithoutTagOrDigest() {
        assertThat(ImageReference.parse("busybox").withDefaultTag().toString())
                .isEqualTo("docker.io/library/busybox:latest");
        assertThat(ImageReference.parse("busybox:1.36").withDefaultTag().toString())
                .isEqualTo("docker.io/library/busybox:1.36");
        assertThat(ImageReference.parse("busybox@" + SHA256).withDefaultTag().toString())
                .isEqualTo("docker.io/library/busybox@" + SHA256);
    }

    @Test
    void constructorRefusesWhatTheGrammarRefuses() {
        assertThatThrownBy(() -> new ImageReference("docker.io", "Library/busybox", Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidReferenceException.class).hasMessage("invalid reference format");
        assertThatThrownBy(() -> ImageReference.parse("busybox").withTag("-bad"))
                .isInstanceOf(InvalidReferenceException.class);
    }

    @Test
    void becomesADiagnosticPointingAtTheReferenceWithALowerCaseHint() {
        InvalidReferenceException error = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidReferenceException.class, () -> ImageReference.parse("MyApp:1.0"));

        InvalidInputException input = error.toInvalidInput("Dockerfile", 3, 6);

        assertThat(input.getMessage()).isEqualTo(
                "Dockerfile:3: invalid reference format: repository name must be lowercase: \"MyApp:1.0\"");
        assertThat(input.diagnostics().getFirst().range().startColumn()).isEqualTo(6);
        assertThat(input.diagnostics().getFirst().range().endColumn()).isEqualTo(15);
        assertThat(input.diagnostics().getFirst().hint()).contains("write \"myapp:1.0\"");
    }

    @Test
    void hostileInputFailsFastBecauseTheGrammarDoesNotBacktrack() {
        List<String> hostile = List.of("a" + "-".repeat(200_000) + "!", "a.".repeat(100_000) + "/x!",
                "x/" + "a_".repeat(100_000) + "A", "h:" + "1".repeat(200_000) + "/x", "x:" + "a".repeat(200_000));

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> hostile.forEach(text ->
                assertThatThrownBy(() -> ImageReference.parse(text)).isInstanceOf(InvalidReferenceException.class)));
    }

    private static String expand(String cell) {
        return cell.replace("${SHA256}", SHA256).replace("${SHA512}", SHA512).replace("${HEX64}", HEX64)
                .replace("${A128}", "a".repeat(128)).replace("${A237}", "a".repeat(237))
                .replace("${A238}", "a".repeat(238));
    }
}
