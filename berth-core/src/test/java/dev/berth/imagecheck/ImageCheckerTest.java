package dev.berth.imagecheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.ContainerConfig;
import dev.berth.image.Digest;
import dev.berth.image.HealthConfig;
import dev.berth.image.ImageConfig;
import dev.berth.image.Platform;
import dev.berth.sbom.MergedLayers;
import dev.berth.store.InMemoryContentStore;
import dev.berth.store.Ingester;
import dev.berth.testing.TarBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One image per rule and case: each bad image yields exactly its finding (the message asserted whole), each good
 * twin none. Every image but the root cases runs as a user, so only the rule under test can fire.
 */
class ImageCheckerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final String DEBIAN_12 = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n";
    private static final String DEBIAN_11 = "PRETTY_NAME=\"Debian GNU/Linux 11 (bullseye)\"\nID=debian\nVERSION_ID=\"11\"\n";

    /** An image: its container config and its layers, bottom first. */
    record Case(String name, UnaryOperator<dev.berth.image.ContainerConfigBuilder> config, List<TarBuilder> layers,
            List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        UnaryOperator<dev.berth.image.ContainerConfigBuilder> app = config -> config.user("app");
        Optional<HealthConfig> health = Optional.of(new HealthConfig(List.of("CMD", "true"), 0, 0, 0, 0, 0));
        Optional<HealthConfig> none = Optional.of(new HealthConfig(List.of("NONE"), 0, 0, 0, 0, 0));
        return Stream.of(
                new Case("no user is root", config -> config, List.of(), List.of(
                        "ImageRunsAsRoot: the image sets no user, so it runs as root")),
                new Case("uid 0 with a group is root", config -> config.user("0:0"), List.of(), List.of(
                        "ImageRunsAsRoot: the image's user is \"0:0\", which is root")),
                new Case("root by name", config -> config.user("root"), List.of(), List.of(
                        "ImageRunsAsRoot: the image's user is \"root\", which is root")),
                new Case("a uid is not root", config -> config.user("10001:0"), List.of(), List.of()),
                new Case("ports and no healthcheck", config -> app.apply(config).exposedPorts(Set.of("8080/tcp",
                        "80/tcp")), List.of(), List.of(
                        "ImageWithoutHealthcheck: the image exposes 80/tcp, 8080/tcp but has no healthcheck")),
                new Case("ports and a healthcheck", config -> app.apply(config).exposedPorts(Set.of("80/tcp"))
                        .healthcheck(health), List.of(), List.of()),
                new Case("HEALTHCHECK NONE is a decision", config -> app.apply(config).exposedPorts(Set.of("80/tcp"))
                        .healthcheck(none), List.of(), List.of()),
                new Case("no ports, no healthcheck needed", app, List.of(), List.of()),
                new Case("deleted and overwritten files waste bytes", app, List.of(
                        new TarBuilder().file("big", "x".repeat(3000)).file("d/small", "y".repeat(10))
                                .file("kept", "k"),
                        new TarBuilder().file(".wh.big", "").file("d/small", "z"),
                        new TarBuilder().dir("d").file("d/.wh..wh..opq", "")), List.of(
                        "ImageWastedBytes: 3.011kB in 2 paths are deleted or overwritten by later layers; the most:"
                                + " /big 3kB (layer 1), /d/small 11B (layer 1)")),
                new Case("files added once waste nothing", app, List.of(new TarBuilder().file("a", "1"),
                        new TarBuilder().file("b", "2")), List.of()),
                new Case("setuid and setgid files", app, List.of(new TarBuilder().file("bin/su", "elf", 04755),
                        new TarBuilder().file("bin/wall", "elf", 02755).file("bin/both", "elf", 06755)), List.of(
                        "ImageSetuidFile: /bin/both is setuid and setgid (mode 6755, layer 2)",
                        "ImageSetuidFile: /bin/su is setuid (mode 4755, layer 1)",
                        "ImageSetuidFile: /bin/wall is setgid (mode 2755, layer 2)")),
                new Case("a setuid bit removed above", app, List.of(new TarBuilder().file("bin/su", "elf", 04755),
                        new TarBuilder().file("bin/su", "elf", 0755)), List.of(
                        "ImageWastedBytes: 3B in 1 path is deleted or overwritten by later layers; the most:"
                                + " /bin/su 3B (layer 1)")),
                new Case("an end-of-life distro", app, List.of(new TarBuilder().file("etc/os-release", DEBIAN_11)),
                        List.of("ImageEndOfLifeDistro: the base distribution Debian GNU/Linux 11 (bullseye) reached"
                                + " its end of life on 2026-08-31")),
                new Case("a supported distro through the usr/lib link", app, List.of(new TarBuilder()
                        .symlink("etc/os-release", "../usr/lib/os-release").file("usr/lib/os-release", DEBIAN_12)),
                        List.of()))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachImageYieldsExactlyItsFindings(Case image) {
        InMemoryContentStore content = new InMemoryContentStore();
        List<MergedLayers.Layer> layers = new ArrayList<>();
        for (TarBuilder tar : image.layers()) {
            layers.add(layer(content, tar.build()));
        }
        ContainerConfig config = image.config().apply(ContainerConfig.builder()).build();
        ImageConfig imageConfig = ImageConfig.empty(Platform.of("linux", "amd64")).withConfig(config);
        List<String> messages = new ImageChecker().check(imageConfig, new MergedLayers(content, layers),
                layers.stream().map(MergedLayers.Layer::diffId).toList(), TODAY).stream()
                .map(finding -> finding.rule().id() + ": " + finding.message()).toList();
        assertThat(messages).containsExactlyElementsOf(image.expected());
    }

    private static MergedLayers.Layer layer(InMemoryContentStore content, byte[] tar) {
        try (Ingester ingester = content.ingest()) {
            ingester.stream().write(tar);
            Digest digest = ingester.commit(Optional.empty()).digest();
            return new MergedLayers.Layer(digest, digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
