package dev.berth.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import dev.berth.store.InMemoryContentStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The synthetic image's packages, one of each cataloger, with the layering rules applied; and its two documents
 * against golden files ({@code -Dberth.golden.update=true} rewrites them after a deliberate change).
 */
class InventoryReaderTest {

    private static final Digest IMAGE = Digest.sha256("synthetic".getBytes(StandardCharsets.UTF_8));
    private static final Instant EPOCH = Instant.ofEpochSecond(1_700_000_000L);

    private static Inventory inventory() {
        InMemoryContentStore content = new InMemoryContentStore();
        List<MergedLayers.Layer> layers = SyntheticImage.store(content);
        return new InventoryReader(content, new RpmQuery(java.util.Optional.empty(), java.nio.file.Path.of("/nonexistent"))).read(IMAGE, "synthetic:test", layers);
    }

    @Test
    void findsOnePackageOfEachKindInTheFinalFileSystem() {
        Inventory inventory = inventory();
        assertThat(inventory.distro()).map(Distro::qualifier).contains("debian-12");
        assertThat(inventory.packages()).extracting(found -> found.ecosystem() + " " + found.name() + " "
                + found.version() + " " + found.purl()).containsExactly(
                "DPKG bsdutils 1:2.38.1-5+b1 pkg:deb/debian/bsdutils@1:2.38.1-5%2Bb1?arch=amd64&distro=debian-12"
                        + "&upstream=util-linux%402.38.1-5",
                "DPKG python3-six 1.16.0-4 pkg:deb/debian/python3-six@1.16.0-4?arch=all&distro=debian-12&upstream=six",
                "PYPI six 1.16.0 pkg:pypi/six@1.16.0",
                "PYPI requests 2.25.0 pkg:pypi/requests@2.25.0",
                "MAVEN com.fasterxml.jackson.core:jackson-databind 2.13.0 "
                        + "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.0",
                "MAVEN com.google.guava:guava 31.1-jre pkg:maven/com.google.guava/guava@31.1-jre",
                "NPM @babel/core 7.20.0 pkg:npm/%40babel/core@7.20.0",
                "NPM lodash 4.17.21 pkg:npm/lodash@4.17.21",
                "GO example.com/app (devel) pkg:golang/example.com/app@%28devel%29",
                "GO github.com/new/mod v1.2.0 pkg:golang/github.com/new/mod@v1.2.0",
                "GO golang.org/x/text v0.3.7 pkg:golang/golang.org/x/text@v0.3.7",
                "GO stdlib 1.21.5 pkg:golang/stdlib@1.21.5");
    }

    @Test
    void recordsSourcesLicensesOwnersAndProof() {
        Inventory inventory = inventory();
        FoundPackage bsdutils = named(inventory, "bsdutils");
        assertThat(bsdutils.sourceName()).isEqualTo("util-linux");
        assertThat(bsdutils.sourceVersion()).isEqualTo("2.38.1-5");
        assertThat(bsdutils.licenses()).containsExactly("BSD-3-Clause", "GPL-2.0-or-later", "LicenseRef-public-domain");
        assertThat(bsdutils.path()).isEqualTo("/var/lib/dpkg/status");
        // The doc directory is a symlink to the package whose copyright it shares.
        assertThat(named(inventory, "python3-six").licenses()).containsExactly("MIT");
        assertThat(named(inventory, "six").ownedBy()).contains("python3-six");
        assertThat(named(inventory, "requests").ownedBy()).isEmpty();
        assertThat(named(inventory, "requests").licenses()).containsExactly("Apache-2.0");
        assertThat(named(inventory, "com.fasterxml.jackson.core:jackson-databind").path())
                .isEqualTo("/app/app.jar!/BOOT-INF/lib/jackson-databind-2.13.0.jar");
        assertThat(named(inventory, "lodash").layer()).isEqualTo(layerDigests().get(2));
    }

    @Test
    void spdxDocumentMatchesGolden() throws IOException {
        golden("synthetic.spdx.json", SpdxWriter.write(inventory(), EPOCH));
    }

    @Test
    void cycloneDxDocumentMatchesGolden() throws IOException {
        golden("synthetic.cdx.json", CycloneDxWriter.write(inventory(), EPOCH));
    }

    @Test
    void twoRunsGiveTheSameBytes() {
        assertThat(SpdxWriter.write(inventory(), EPOCH)).isEqualTo(SpdxWriter.write(inventory(), EPOCH));
        assertThat(CycloneDxWriter.write(inventory(), EPOCH)).isEqualTo(CycloneDxWriter.write(inventory(), EPOCH));
    }

    private static List<Digest> layerDigests() {
        return SyntheticImage.store(new InMemoryContentStore()).stream().map(MergedLayers.Layer::diffId).toList();
    }

    private static FoundPackage named(Inventory inventory, String name) {
        return inventory.packages().stream().filter(found -> found.name().equals(name)).findFirst().orElseThrow();
    }

    private static void golden(String name, byte[] actual) throws IOException {
        if (Boolean.getBoolean("berth.golden.update")) {
            Path file = Path.of("src/test/resources/dev/berth/sbom", name);
            Files.createDirectories(file.getParent());
            Files.write(file, actual);
        }
        try (InputStream expected = InventoryReaderTest.class.getResourceAsStream(name)) {
            assertThat(expected).as("golden file %s", name).isNotNull();
            assertThat(new String(actual, StandardCharsets.UTF_8))
                    .isEqualTo(new String(expected.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Optional<FoundPackage> find(Inventory inventory, String name) {
        return inventory.packages().stream().filter(found -> found.name().equals(name)).findFirst();
    }
}
