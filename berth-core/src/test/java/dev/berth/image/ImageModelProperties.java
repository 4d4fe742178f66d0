package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any model value written and read back is the same value, and its canonical bytes are a fixed point. */
class ImageModelProperties {

    private final ImageJson codec = ImageJson.standard();

    @Property(tries = 400)
    void configsSurviveWriteThenRead(@ForAll("configs") ImageConfig config) {
        byte[] json = codec.write(config);

        ImageConfig read = codec.readConfig(json, "config");

        assertThat(read).isEqualTo(config);
        assertThat(codec.write(read)).isEqualTo(json);
    }

    @Property(tries = 400)
    void manifestsAndIndexesSurviveWriteThenRead(@ForAll("manifests") Manifest manifest,
            @ForAll("descriptors") List<Descriptor> entries) {
        byte[] json = codec.write(manifest);
        assertThat(codec.readManifest(json, "manifest")).isEqualTo(manifest);

        ImageIndex index = new ImageIndex(2, manifest.mediaType().map(type -> manifest.isDocker()
                ? StandardMediaType.DOCKER_MANIFEST_LIST : StandardMediaType.OCI_INDEX), "", entries,
                manifest.subject(), manifest.annotations());
        byte[] indexJson = codec.write(index);
        assertThat(codec.readIndex(indexJson, "index")).isEqualTo(index);
        assertThat(codec.write(codec.readIndex(indexJson, "index"))).isEqualTo(indexJson);
    }

    @Provide
    Arbitrary<ImageConfig> configs() {
        Arbitrary<ContainerConfig> settings = Combinators.combine(text(), text().list().ofMaxSize(3),
                text().set().ofMaxSize(3), Arbitraries.maps(text(), text()).ofMaxSize(3), health(), Arbitraries.integers().between(0, 255))
                .as((word, words, set, map, health, flags) -> ContainerConfig.builder()
                        .hostname(word).user(word).workingDir(word).stopSignal(word).image(word)
                        .attachStdin((flags & 1) != 0).tty((flags & 2) != 0).argsEscaped((flags & 4) != 0)
                        .openStdin((flags & 8) != 0).stdinOnce((flags & 16) != 0).attachStderr((flags & 32) != 0)
                        .env(words).cmd(words).entrypoint(words.reversed()).shell(words).onBuild(words)
                        .exposedPorts(set).volumes(set).labels(map).healthcheck(health).build());
        Arbitrary<HistoryEntry> history = Combinators.combine(time(), text(), text(), Arbitraries.of(true, false))
                .as((created, by, comment, empty) -> new HistoryEntry(created, by, "", comment, empty));
        return Combinators.combine(time(), text(), text(), settings, digest().list().ofMaxSize(3),
                        history.list().ofMaxSize(3), text().list().ofMaxSize(2))
                .as((created, word, author, config, diffIds, entries, features) -> new ImageConfig(created, author,
                        word, "linux", word, features, word, config, new RootFs(word, diffIds), entries,
                        Map.of()));
    }

    @Provide
    Arbitrary<Manifest> manifests() {
        Arbitrary<Optional<MediaType>> type = Arbitraries.of(Optional.empty(),
                Optional.of(StandardMediaType.OCI_MANIFEST), Optional.of(StandardMediaType.DOCKER_MANIFEST),
                Optional.of(new MediaType.Other("application/x-custom")));
        return Combinators.combine(type, descriptor(), descriptors(), descriptor().optional(),
                        Arbitraries.maps(text(), text()).ofMaxSize(2), text())
                .as((mediaType, config, layers, subject, annotations, artifactType) -> new Manifest(2, mediaType,
                        artifactType, config, layers, subject, annotations));
    }

    @Provide
    Arbitrary<List<Descriptor>> descriptors() {
        return descriptor().list().ofMaxSize(3);
    }

    private Arbitrary<Descriptor> descriptor() {
        Arbitrary<MediaType> type = Arbitraries.oneOf(Arbitraries.of(StandardMediaType.class).map(t -> t),
                text().map(MediaType::parse));
        Arbitrary<Optional<Platform>> platform = Combinators.combine(text(), text(), text().list().ofMaxSize(2))
                .as((os, variant, features) -> new Platform(os, "arm64", variant, variant, features)).optional();
        Arbitrary<String> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(6)
                .map(bytes -> Base64.getEncoder().encodeToString(bytes));
        return Combinators.combine(type, digest(), Arbitraries.longs().between(0, Long.MAX_VALUE),
                        text().list().ofMaxSize(2), Arbitraries.maps(text(), text()).ofMaxSize(2), data, platform, text())
                .as(Descriptor::new);
    }

    private Arbitrary<Optional<HealthConfig>> health() {
        Arbitrary<Long> nanos = Arbitraries.longs().between(0, Long.MAX_VALUE);
        return Combinators.combine(text().list().ofMaxSize(2), nanos, nanos, Arbitraries.integers().between(0, 9))
                .as((test, interval, timeout, retries) -> new HealthConfig(test, interval, timeout, 0, interval,
                        retries))
                .optional();
    }

    private Arbitrary<Optional<Instant>> time() {
        return Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)))
                .optional();
    }

    private Arbitrary<Digest> digest() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32)
                .map(bytes -> new Digest("sha256", HexFormat.of().formatHex(bytes)));
    }

    /** Any text Go can carry through JSON: every code point but lone surrogates. */
    private Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(6),
                Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(6),
                Arbitraries.of("", "<&>", "\u2028", "🐳", "a\"b\\c"))
                .map(ImageModelProperties::withoutLoneSurrogates);
    }

    private static String withoutLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.appendCodePoint(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? '?' : c));
        return out.toString();
    }
}
