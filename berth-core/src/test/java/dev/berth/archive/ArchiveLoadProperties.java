package dev.berth.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ImportRequest;
import dev.berth.api.SaveFormat;
import dev.berth.api.Settings;
import dev.berth.error.BerthException;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Loading is total: any bytes either load or fail with a {@link BerthException}, never anything else. */
class ArchiveLoadProperties {

    private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    private final byte[] valid = savedArchive();

    @Property(tries = 150)
    void aDamagedArchiveLoadsOrFailsWithABerthException(@ForAll("damage") List<Integer> positions) throws IOException {
        byte[] damaged = valid.clone();
        for (int i = 0; i + 1 < positions.size(); i += 2) {
            damaged[Math.floorMod(positions.get(i), damaged.length)] = (byte) positions.get(i + 1).intValue();
        }
        Path root = Files.createTempDirectory("berth-load-property");
        try (Berth berth = Berth.open(Settings.builder().root(root).clock(CLOCK).build())) {
            try {
                berth.load(new ByteArrayInputStream(damaged));
            } catch (BerthException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        } finally {
            delete(root);
        }
    }

    @Provide
    Arbitrary<List<Integer>> damage() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(2).ofMaxSize(8);
    }

    private static byte[] savedArchive() {
        try {
            Path root = Files.createTempDirectory("berth-load-property");
            try (Berth berth = Berth.open(Settings.builder().root(root).clock(CLOCK).build())) {
                berth.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(new TarBuilder().file("a", "b").build()))
                        .reference("x").changes(List.of("CMD [\"a\"]")).message("m").build());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                berth.save(List.of("x"), SaveFormat.DOCKER, out);
                return out.toByteArray();
            } finally {
                delete(root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
