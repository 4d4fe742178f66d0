package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder under {@code image/json} holds a hand-written {@code input.json}, its canonical form
 * {@code canonical.json} and that form's {@code digest}. Regenerate the expected files with
 * {@code -Dberth.golden.update=true} and review them as a diff.
 */
class ImageJsonGoldenTest {

    private static final Path CASES = Path.of("src/test/resources/image/json");
    private static final boolean UPDATE = Boolean.getBoolean("berth.golden.update");

    private final ImageJson codec = ImageJson.standard();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(CASES)) {
            return folders.map(folder -> folder.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void inputBecomesTheCanonicalFormWithAStableDigest(String name) throws IOException {
        Path folder = CASES.resolve(name);
        byte[] canonical = roundTrip(name, Files.readAllBytes(folder.resolve("input.json")));
        String digest = Digest.sha256(canonical) + "\n";
        if (UPDATE) {
            Files.write(folder.resolve("canonical.json"), canonical);
            Files.writeString(folder.resolve("digest"), digest);
        }
        assertThat(new String(canonical, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(folder.resolve("canonical.json")));
        assertThat(digest).isEqualTo(Files.readString(folder.resolve("digest")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void canonicalFormSurvivesARoundTripByteForByte(String name) throws IOException {
        byte[] canonical = Files.readAllBytes(CASES.resolve(name).resolve("canonical.json"));
        assertThat(roundTrip(name, canonical)).isEqualTo(canonical);
    }

    private byte[] roundTrip(String name, byte[] json) {
        String source = name + "/input.json";
        if (name.startsWith("config-")) {
            return codec.write(codec.readConfig(json, source));
        } else if (name.startsWith("manifest-")) {
            return codec.write(codec.readManifest(json, source));
        } else if (name.startsWith("index-")) {
            return codec.write(codec.readIndex(json, source));
        }
        throw new IllegalStateException("golden case " + name + " must start with config-, manifest- or index-");
    }
}
