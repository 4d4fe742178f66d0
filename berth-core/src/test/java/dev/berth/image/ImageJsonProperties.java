package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The readers are total: on any bytes they return a value or throw {@link InvalidInputException},
 * and whatever they accept is written canonically, so reading that output gives the same bytes again.
 */
class ImageJsonProperties {

    private static final List<String> MEMBER_NAMES = List.of("schemaVersion", "mediaType", "config", "layers",
            "manifests", "subject", "annotations", "digest", "size", "urls", "platform", "artifactType", "os",
            "architecture", "variant", "os.version", "os.features", "created", "author", "history", "created_by",
            "empty_layer", "comment", "rootfs", "type", "diff_ids", "Env", "Cmd", "Entrypoint", "ExposedPorts",
            "Volumes", "Labels", "Healthcheck", "Test", "Interval", "Retries", "User", "env", "data", "x");
    private static final List<String> STRINGS = List.of("", "linux", "amd64", "2024-01-02T03:04:05.5Z",
            "2024-13-02T03:04:05Z", "sha256:" + "ab".repeat(32), "sha512:" + "cd".repeat(64), "sha256:zz",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json",
            "<&>", "\u2028", "🐳", "layers", "e30=", "e30");

    private final ImageJson codec = ImageJson.standard();

    @Property(tries = 500)
    void arbitraryBytesAreReadOrRefusedWithInvalidInput(@ForAll byte[] bytes) {
        checkAllReaders(bytes);
    }

    @Property(tries = 1500)
    void arbitraryJsonIsReadOrRefusedWithInvalidInputAndRoundTrips(@ForAll("documents") String json) {
        checkAllReaders(json.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> documents() {
        return object(3);
    }

    private void checkAllReaders(byte[] bytes) {
        check(bytes, json -> codec.write(codec.readConfig(json, "c")));
        check(bytes, json -> codec.write(codec.readManifest(json, "m")));
        check(bytes, json -> codec.write(codec.readIndex(json, "i")));
    }

    private static void check(byte[] bytes, Function<byte[], byte[]> readAndWrite) {
        byte[] canonical;
        try {
            canonical = readAndWrite.apply(bytes);
        } catch (InvalidInputException refused) {
            return;
        }
        assertThat(readAndWrite.apply(canonical)).isEqualTo(canonical);
    }

    private Arbitrary<String> value(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of(STRINGS).map(ImageJsonProperties::quote),
                Arbitraries.strings().ofMaxLength(8).map(ImageJsonProperties::quote),
                Arbitraries.longs().between(-3, 1L << 40).map(String::valueOf),
                Arbitraries.of("true", "false", "null", "2", "1.5", "1e400", "-0", "99999999999999999999"));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> array = value(depth - 1).list().ofMaxSize(3).map(list -> "[" + String.join(",", list) + "]");
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, array), Tuple.of(2, object(depth - 1)));
    }

    private Arbitrary<String> object(int depth) {
        Arbitrary<String> member = Combinators.combine(Arbitraries.of(MEMBER_NAMES), value(depth))
                .as((name, value) -> quote(name) + ":" + value);
        return member.list().ofMaxSize(6).map(members -> "{" + String.join(",", members) + "}");
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20) {
                out.append("\\u%04x".formatted(c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
