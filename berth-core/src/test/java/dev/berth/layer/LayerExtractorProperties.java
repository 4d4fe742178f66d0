package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.error.StoreException;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzes the extractor: hostile entry sequences built from a small alphabet of dangerous names and
 * targets, and valid layers with random bytes flipped or cut. Whatever the input, the extractor either
 * succeeds or throws a StoreException, and nothing outside the target changes.
 */
class LayerExtractorProperties {

    private static final List<String> NAMES = List.of("a", "a/b", "a/b/c", "./a", "..", "../x", "a/../../x", "/abs",
            ".", "/", "l", "l/x", "l/l/x", "a/.wh..", "a/.wh.b", ".wh..wh..opq", "a/.wh..wh..opq", "a//b", "x\u00e9");
    private static final List<String> TARGETS = List.of("a", "..", "../outside", "../outside/secret", "/", "/tmp",
            "l", "a/b", "../../..", "/a/../..", ".");

    @Property(tries = 150)
    void hostileEntrySequencesNeverEscape(@ForAll("layers") List<Op> ops) throws IOException {
        TarBuilder tar = new TarBuilder();
        for (Op op : ops) {
            switch (op.kind()) {
                case 0 -> tar.file(op.name(), "content");
                case 1 -> tar.dir(op.name());
                case 2 -> tar.symlink(op.name(), op.target());
                case 3 -> tar.hardlink(op.name(), op.target());
                default -> tar.owned(op.name(), "x", 06777, 12, 34);
            }
        }
        assertContained(tar.build());
    }

    @Property(tries = 150)
    void mutatedLayersNeverEscape(@ForAll("layers") List<Op> ops, @ForAll @IntRange(min = 1, max = 40) int flips,
                                  @ForAll long seed, @ForAll boolean gzip) throws IOException {
        TarBuilder tar = new TarBuilder();
        for (Op op : ops) {
            if (op.kind() == 2) {
                tar.symlink(op.name(), op.target());
            } else {
                tar.file(op.name(), "c".repeat(op.kind() * 300));
            }
        }
        byte[] bytes = tar.build();
        if (gzip) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
                out.write(bytes);
            }
            bytes = compressed.toByteArray();
        }
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
        }
        if (random.nextBoolean()) {
            bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
        }
        assertContained(bytes);
    }

    record Op(int kind, String name, String target) {
    }

    @Provide
    Arbitrary<List<Op>> layers() {
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.of(NAMES),
                Arbitraries.of(TARGETS)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(8);
    }

    private static void assertContained(byte[] layer) throws IOException {
        Path temp = Files.createTempDirectory("berth-fuzz");
        try {
            Sandbox box = new Sandbox(temp);
            try {
                box.extract(layer, ExtractOptions.defaults(true).withMaxUncompressedBytes(1 << 20));
            } catch (StoreException expected) {
                assertThat(expected.getMessage()).startsWith("layer sha256:test: ");
            }
            box.assertOutsideUntouched();
        } finally {
            deleteAll(temp);
        }
    }

    private static void deleteAll(Path temp) {
        try {
            TreeRemover.delete(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
