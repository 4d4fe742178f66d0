package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.BaseImages;
import dev.berth.testing.HostCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth sbom} and {@code berth scan} on a real Debian minbase ({@code mmdebstrap}) imported with
 * {@code berth import}: the dpkg packages equal what {@code dpkg-query} reports for the extracted root, and scan
 * cases from hand-written OSV records derived from the versions installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SbomScanMinbaseIT {

    private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

    private Path work;

    private Berth berth;
    private Path rootfs;
    private List<SbomPackage> packages;

    @BeforeAll
    void importMinbase(@TempDir Path directory) throws IOException {
        work = directory;
        rootfs = BaseImages.standard().debianRootfs();
        berth = Berth.open(Settings.builder().root(work.resolve("store")).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .environment(Map.of("SOURCE_DATE_EPOCH", "1700000000")).build());
        try (InputStream in = Files.newInputStream(rootfs)) {
            berth.importRootfs(ImportRequest.tarball(in).reference("minbase:it").message("Imported from -").build());
        }
        packages = berth.sboms().packages("minbase:it");
    }

    @AfterAll
    void close() {
        berth.close();
    }

    @Test
    void dpkgPackagesEqualDpkgQuery() throws IOException {
        Path root = Files.createDirectories(work.resolve("root"));
        HostCommand.of("tar", "-xf", rootfs.toString(), "-C", root.toString(), "./var/lib/dpkg").run().orThrow();
        String expected = HostCommand.of("dpkg-query", "-W", "-f",
                "${Package} ${Version} ${source:Package} ${source:Version}\\n",
                "--admindir=" + root.resolve("var/lib/dpkg")).run().orThrow().stdout();
        Set<String> dpkgQuery = expected.lines().collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> ours = packages.stream().filter(p -> p.ecosystem().equals("dpkg"))
                .map(p -> p.name() + " " + p.version() + " " + p.sourceName() + " " + p.sourceVersion())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(dpkgQuery).hasSizeGreaterThan(50);
        assertThat(ours).isEqualTo(dpkgQuery);
        SbomPackage bsdutils = named("bsdutils");
        assertThat(bsdutils.purl()).startsWith("pkg:deb/debian/bsdutils@1:").contains("?arch=amd64&distro=debian-12"
                + "&upstream=util-linux");
        assertThat(bsdutils.licenses()).contains("GPL-2.0-or-later");
        assertThat(bsdutils.path()).isEqualTo("/var/lib/dpkg/status");
    }

    @Test
    void bothDocumentsListEveryPurlAndRepeatByteForByte() {
        byte[] spdx = berth.sboms().document("minbase:it", SbomFormat.SPDX_JSON);
        byte[] cdx = berth.sboms().document("minbase:it", SbomFormat.CYCLONEDX_JSON);
        String spdxText = new String(spdx, StandardCharsets.UTF_8);
        String cdxText = new String(cdx, StandardCharsets.UTF_8);
        for (SbomPackage found : packages) {
            assertThat(spdxText).contains("\"referenceLocator\" : \"" + found.purl() + "\"");
            assertThat(cdxText).contains("\"purl\" : \"" + found.purl() + "\"");
        }
        assertThat(spdxText).contains("\"created\" : \"2023-11-14T22:13:20Z\"");
        assertThat(berth.sboms().document("minbase:it", SbomFormat.SPDX_JSON)).isEqualTo(spdx);
        assertThat(berth.sboms().document("minbase:it", SbomFormat.CYCLONEDX_JSON)).isEqualTo(cdx);
    }

    @Test
    void scanCasesDerivedFromTheInstalledVersions() throws IOException {
        SbomPackage bsdutils = named("bsdutils");
        // The case the issue names: the binary version has an epoch, its source version none.
        assertThat(bsdutils.version()).contains(":");
        assertThat(bsdutils.sourceName()).isEqualTo("util-linux");
        assertThat(bsdutils.sourceVersion()).doesNotContain(":");
        String utilLinux = bsdutils.sourceVersion();
        String bash = named("bash").sourceVersion();
        String tar = named("tar").sourceVersion();
        Path db = Files.createDirectories(work.resolve("db"));
        record(db, "DSA-IT-HIT", "HIGH", "util-linux", events(utilLinux + "+berth1"), "");
        record(db, "DSA-IT-FIXED", "HIGH", named("bash").sourceName(), events(bash), "");
        // Lures: a fix that only looks older (it has an epoch), and a record naming the binary package.
        record(db, "DSA-IT-EPOCH", "LOW", "util-linux", events("1:" + utilLinux), "");
        record(db, "DSA-IT-BINARY", "HIGH", "bsdutils", events("9:9"), "");
        record(db, "DEBIAN-CVE-IT-UNFIXED", "MEDIUM", named("tar").sourceName(), "{\"introduced\":\"0\"}", "");
        record(db, "DSA-IT-WITHDRAWN", "HIGH", named("gzip").sourceName(), events("99"),
                ",\"withdrawn\":\"2026-11-01T00:00:00Z\"");
        record(db, "DSA-IT-ALIAS", "LOW", named("dash").sourceName(), events("99"), ",\"aliases\":[\"CVE-2099-1\"]");
        record(db, "CVE-2099-1", "LOW", named("dash").sourceName(), events("99"), "");

        ScanResult all = berth.scans().scan(ScanRequest.builder("minbase:it", db).build());
        Map<String, Set<String>> byId = all.findings().stream().collect(Collectors.groupingBy(ScanFinding::id,
                Collectors.mapping(ScanFinding::packageName, Collectors.toSet())));
        Set<String> utilLinuxBinaries = packages.stream().filter(p -> p.sourceName().equals("util-linux"))
                .map(SbomPackage::name).collect(Collectors.toSet());
        assertThat(byId.get("DSA-IT-HIT")).isEqualTo(utilLinuxBinaries).contains("bsdutils");
        assertThat(byId.get("DSA-IT-EPOCH")).isEqualTo(utilLinuxBinaries);
        assertThat(byId).doesNotContainKeys("DSA-IT-FIXED", "DSA-IT-BINARY", "DSA-IT-WITHDRAWN", "DSA-IT-ALIAS");
        assertThat(byId.get("CVE-2099-1")).containsExactly("dash");
        assertThat(all.findings()).filteredOn(f -> f.id().equals("CVE-2099-1"))
                .allSatisfy(f -> assertThat(f.aliases()).containsExactly("DSA-IT-ALIAS"));
        assertThat(all.findings()).filteredOn(f -> f.id().equals("DEBIAN-CVE-IT-UNFIXED"))
                .isNotEmpty().allSatisfy(f -> assertThat(f.fixed()).isEmpty());
        assertThat(all.findings()).filteredOn(f -> f.packageName().equals("bsdutils") && f.id().equals("DSA-IT-HIT"))
                .singleElement().satisfies(f -> {
                    assertThat(f.matchedVersion()).isEqualTo(utilLinux);
                    assertThat(f.fixed()).contains(utilLinux + "+berth1");
                });
        assertThat(tar).isNotEmpty();
        // No false alarm on a plain Debian: not one secret in its 170 MB.
        assertThat(all.secrets()).isEmpty();

        ScanResult unfixed = berth.scans().scan(ScanRequest.builder("minbase:it", db).ignoreUnfixed(true).build());
        assertThat(unfixed.findings()).extracting(ScanFinding::id).doesNotContain("DEBIAN-CVE-IT-UNFIXED");
        ScanResult high = berth.scans().scan(ScanRequest.builder("minbase:it", db).severities(List.of("HIGH")).build());
        assertThat(high.findings()).extracting(ScanFinding::id).containsOnly("DSA-IT-HIT");
    }

    private SbomPackage named(String name) {
        return packages.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static String events(String fixed) {
        return "{\"introduced\":\"0\"},{\"fixed\":\"" + fixed + "\"}";
    }

    private static void record(Path db, String id, String severity, String source, String events, String extra)
            throws IOException {
        Files.writeString(db.resolve(id + ".json"), "{\"id\":\"" + id + "\",\"modified\":\"2026-12-01T00:00:00Z\""
                + extra + ",\"database_specific\":{\"severity\":\"" + severity + "\"},\"affected\":[{\"package\":"
                + "{\"ecosystem\":\"Debian:12\",\"name\":\"" + source + "\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
                + "\"events\":[" + events + "]}]}]}");
    }
}
