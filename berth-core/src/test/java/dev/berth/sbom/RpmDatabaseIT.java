package dev.berth.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.UnsupportedFeatureException;
import dev.berth.image.Digest;
import dev.berth.store.InMemoryContentStore;
import dev.berth.store.Ingester;
import dev.berth.testing.HostCommand;
import dev.berth.testing.TarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rpm packages from a real rpm database made at test time: {@code rpm --initdb}, two tiny noarch packages built with
 * {@code rpmbuild} (one with an epoch, an SPDX license and a subpackage; one with an old Fedora-style license),
 * installed with {@code rpm -i --justdb --nodeps}. The database (SQLite, rpm 4.18's default) is put where RHEL and
 * where Fedora keep it, beside their os-release, in a layer, and read back through the host's {@code rpm}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RpmDatabaseIT {

    private static final String HELLO = """
            Name: berth-hello
            Version: 1.2.3
            Release: 4.el9
            Epoch: 2
            Summary: test package
            License: MIT AND (Apache-2.0 OR BSD-3-Clause)
            BuildArch: noarch
            %description
            A test package.
            %package data
            Summary: its data
            %description data
            Its data.
            %install
            mkdir -p %{buildroot}/usr/share/berth-hello
            echo hi > %{buildroot}/usr/share/berth-hello/README
            echo data > %{buildroot}/usr/share/berth-hello/DATA
            %files
            /usr/share/berth-hello/README
            %files data
            /usr/share/berth-hello/DATA
            """;
    private static final String TOOL = """
            Name: berth-tool
            Version: 0.9
            Release: 1
            Summary: test package
            License: GPLv2+
            BuildArch: noarch
            %description
            Another test package.
            %install
            mkdir -p %{buildroot}/usr/share/berth-tool
            echo tool > %{buildroot}/usr/share/berth-tool/README
            %files
            /usr/share/berth-tool/README
            """;

    private byte[] database;
    private Path scratch;

    @BeforeAll
    void makeDatabase(@TempDir Path work) throws IOException {
        Path db = work.resolve("db");
        HostCommand.of("rpm", "--initdb", "--dbpath", db.toString()).run().orThrow();
        List<String> install = new ArrayList<>(List.of("rpm", "--dbpath", db.toString(), "-i", "--justdb", "--nodeps"));
        for (String spec : List.of(HELLO, TOOL)) {
            Path file = work.resolve("package.spec");
            Files.writeString(file, spec);
            HostCommand.of("rpmbuild", "-bb", "--define", "_topdir " + work.resolve("top"), file.toString()).run().orThrow();
        }
        try (Stream<Path> rpms = Files.walk(work.resolve("top/RPMS"))) {
            rpms.filter(p -> p.toString().endsWith(".rpm")).sorted().forEach(p -> install.add(p.toString()));
        }
        HostCommand.of(install).run().orThrow();
        assertThat(Files.size(db.resolve("rpmdb.sqlite-wal"))).as("rpm left its changes checkpointed").isZero();
        database = Files.readAllBytes(db.resolve("rpmdb.sqlite"));
        scratch = Files.createDirectories(work.resolve("scratch"));
        // As root, rpm reads its copy as nobody, who must reach it: JUnit's directory is private to root.
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
    }

    @ParameterizedTest
    @CsvSource({
        "/var/lib/rpm, rocky, 9.3, 'pkg:rpm/rocky/berth-hello@1.2.3-4.el9?arch=noarch&distro=rocky-9.3&epoch=2&upstream=berth-hello-1.2.3-4.el9.src.rpm'",
        "/usr/lib/sysimage/rpm, fedora, 40, 'pkg:rpm/fedora/berth-hello@1.2.3-4.el9?arch=noarch&distro=fedora-40&epoch=2&upstream=berth-hello-1.2.3-4.el9.src.rpm'",
    })
    void packagesOfTheDatabaseWhereTheDistroKeepsIt(String directory, String id, String version, String helloPurl) {
        Inventory inventory = read(directory, id, version, RpmQuery.onPath(System.getenv()));
        List<FoundPackage> rpms = inventory.packages().stream()
                .filter(p -> p.ecosystem() == FoundPackage.Ecosystem.RPM).toList();
        assertThat(rpms).extracting(p -> p.name() + " " + p.version() + " " + p.sourceName() + " " + p.sourceVersion()
                + " " + p.arch() + " " + p.licenses() + " " + p.path()).containsExactly(
                "berth-hello 2:1.2.3-4.el9 berth-hello 1.2.3-4.el9 noarch [Apache-2.0, BSD-3-Clause, MIT] "
                        + directory + "/rpmdb.sqlite",
                "berth-hello-data 2:1.2.3-4.el9 berth-hello 1.2.3-4.el9 noarch [Apache-2.0, BSD-3-Clause, MIT] "
                        + directory + "/rpmdb.sqlite",
                "berth-tool 0.9-1 berth-tool 0.9-1 noarch [GPL-2.0-or-later] " + directory + "/rpmdb.sqlite");
        assertThat(rpms.getFirst().purl()).isEqualTo(helloPurl);
        assertThat(rpms.getLast().purl()).isEqualTo("pkg:rpm/" + id + "/berth-tool@0.9-1?arch=noarch&distro=" + id
                + "-" + version + "&upstream=berth-tool-0.9-1.src.rpm");
        assertThat(scratch).isEmptyDirectory();
    }

    @Test
    void withoutRpmAnImageWithAnRpmDatabaseIsRefusedNotListedEmpty() {
        assertThatThrownBy(() -> read("/var/lib/rpm", "rocky", "9.3", new RpmQuery(Optional.empty(), scratch)))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("/var/lib/rpm/rpmdb.sqlite").hasMessageContaining("rpm is not installed");
        assertThat(scratch).isEmptyDirectory();
    }

    @Test
    void bothDocumentsValidateAndReadBackWithRpmPackages() throws Exception {
        Inventory inventory = read("/var/lib/rpm", "rocky", "9.3", RpmQuery.onPath(System.getenv()));
        byte[] spdx = SpdxWriter.write(inventory, java.time.Instant.EPOCH);
        byte[] cdx = CycloneDxWriter.write(inventory, java.time.Instant.EPOCH);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(SbomSchemas.spdx().validate(json.readTree(spdx))).isEmpty();
        assertThat(SbomSchemas.cycloneDx().validate(json.readTree(cdx))).isEmpty();
        List<String> purls = inventory.packages().stream().map(FoundPackage::purl).toList();
        assertThat(purls).hasSize(3);
        assertThat(ReferenceReaders.spdx(spdx).problems()).isEmpty();
        assertThat(ReferenceReaders.spdx(spdx).purls()).containsExactlyInAnyOrderElementsOf(purls);
        assertThat(ReferenceReaders.cycloneDx(cdx).purls()).containsExactlyInAnyOrderElementsOf(purls);
    }

    @Test
    void scanMatchesThePackagesOfARealDatabase(@TempDir Path db) throws IOException {
        // The source berth-hello names both binaries; the epoch makes 1.9 (no epoch) a lure, not a fix.
        Files.writeString(db.resolve("RLSA-IT-1.json"), "{\"id\":\"RLSA-IT-1\",\"modified\":\"2026-12-01T00:00:00Z\","
                + "\"affected\":[{\"package\":{\"ecosystem\":\"Rocky Linux:9\",\"name\":\"berth-hello\"},"
                + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"2:1.2.3-5.el9\"}]}]}]}");
        Files.writeString(db.resolve("RLSA-IT-2.json"), "{\"id\":\"RLSA-IT-2\",\"modified\":\"2026-12-01T00:00:00Z\","
                + "\"affected\":[{\"package\":{\"ecosystem\":\"Rocky Linux:9\",\"name\":\"berth-hello\"},"
                + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"1.9-1.el9\"}]}]}]}");
        Inventory inventory = read("/var/lib/rpm", "rocky", "9.3", RpmQuery.onPath(System.getenv()));
        dev.berth.scan.VulnerabilityMatcher matcher = new dev.berth.scan.VulnerabilityMatcher(
                dev.berth.scan.OsvDatabase.read(db));

        assertThat(matcher.match(inventory)).extracting(match -> match.id() + " " + match.found().name())
                .containsExactly("RLSA-IT-1 berth-hello", "RLSA-IT-1 berth-hello-data");
        assertThat(matcher.unmatchedRpms(inventory)).isEmpty();
    }

    private Inventory read(String directory, String id, String version, RpmQuery rpm) {
        RpmQuery query = new RpmQuery(rpm.executable(), scratch, rpm.user());
        byte[] layer = new TarBuilder().dir("etc")
                .file("etc/os-release", "ID=" + id + "\nVERSION_ID=\"" + version + "\"\n")
                .file(directory.substring(1) + "/rpmdb.sqlite", database).build();
        InMemoryContentStore content = new InMemoryContentStore();
        try (Ingester ingester = content.ingest()) {
            ingester.stream().write(layer);
            Digest digest = ingester.commit(Optional.empty()).digest();
            return new InventoryReader(content, query).read(digest, "rpm:test",
                    List.of(new MergedLayers.Layer(digest, digest)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
