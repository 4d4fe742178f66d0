package dev.berth.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mount points behind hostile links: whatever links an image holds (loops, climbs, absolute targets, links to
 * links) and whatever mount targets a step asks for, the init layer terminates, makes only clean relative paths,
 * and writes nothing outside its own directory.
 */
class InitLayerProperties {

    private static final List<String> NAMES = List.of("a", "b", "l", "m", "run", "var");
    private static final List<String> TARGETS = List.of("/", "..", "../..", "../../../outside", "/outside", "a", "l",
            "m", "/l", "../run", "b/../..", "/var/run", ".", "l/../m");

    @Property(tries = 400)
    void linksNeverLeadTheInitLayerOutOfItsDirectory(@ForAll("links") Map<String, String> links,
            @ForAll("targets") List<String> targets) throws IOException {
        Path work = Files.createTempDirectory("init-props");
        try {
            Path image = Files.createDirectories(work.resolve("root/image"));
            Path init = Files.createDirectories(work.resolve("root/init"));
            Path outside = Files.createDirectories(work.resolve("outside"));
            Files.createDirectories(image.resolve("a"));
            for (var link : links.entrySet()) {
                Path at = image.resolve(link.getKey());
                if (!Files.exists(at, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(at, Path.of(link.getValue()));
                }
            }
            InitLayer layer = new InitLayer(new TreeSet<>(), new TreeSet<>());
            for (int i = 0; i < targets.size(); i++) {
                layer = layer.withMountPoint(targets.get(i), i % 2 == 0);
            }

            List<String> made = layer.createIn(init, new LowerLookup(List.of(image)));

            assertThat(made).allSatisfy(path -> {
                assertThat(path).doesNotStartWith("/").doesNotContain("..").doesNotContain("//");
                assertThat(Path.of(path).normalize().toString()).isEqualTo(path);
            });
            try (Stream<Path> escaped = Files.list(outside)) {
                assertThat(escaped).isEmpty();
            }
            try (Stream<Path> besideInit = Files.list(work.resolve("root"))) {
                assertThat(besideInit.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("image", "init");
            }
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Provide
    Arbitrary<Map<String, String>> links() {
        return Arbitraries.maps(Arbitraries.of(NAMES), Arbitraries.of(TARGETS)).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<String>> targets() {
        Arbitrary<String> component = Arbitraries.of("a", "b", "l", "m", "run", "var", "..", "x");
        return component.list().ofMinSize(1).ofMaxSize(4).map(parts -> "/" + String.join("/", parts))
                .list().ofMinSize(1).ofMaxSize(3);
    }
}
