package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.sbom.ReferenceReaders;
import dev.berth.sbom.SbomSchemas;
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
 * {@code berth sbom} and {@code berth scan} on issue 13's test image ({@link SbomTestImage}): a real Debian minbase
 * ({@code mmdebstrap}) imported with {@code berth import}, then layers with python3-six and age installed by the real
 * dpkg, a Maven Central jar also nested in a fat jar, and an npm package. The dpkg packages equal what
 * {@code dpkg-query} reports for that root; both documents validate against their schemas; scan cases come from
 * hand-written OSV records derived from the versions installed. The image is made once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SbomScanMinbaseIT {

    private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");
    private static final String IMAGE = "sbomtest:it";

    private Path work;

    private Berth berth;
    private SbomTestImage image;
    private List<SbomPackage> packages;

    @BeforeAll
    void buildTestImage(@TempDir Path directory) throws IOException {
        work = directory;
        Path rootfs = BaseImages.standard().debianRootfs();
        berth = open();
        try (InputStream in = Files.newInputStream(rootfs)) {
            berth.importRootfs(ImportRequest.tarball(in).reference("minbase:it").message("Imported from -").build());
        }
        image = SbomTestImage.build(berth, rootfs, "minbase:it", IMAGE, work);
        packages = berth.sboms().packages(IMAGE);
    }

    private Berth open() {
        return Berth.open(Settings.builder().root(work.resolve("store")).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .environment(Map.of("SOURCE_DATE_EPOCH", "1700000000")).build());
    }

    @AfterAll
    void close() {
        berth.close();
    }

    @Test
    void dpkgPackagesEqualDpkgQuery() {
        String expected = dpkgQuery("${Package} ${Version} ${source:Package} ${source:Version}\\n");
        Set<String> dpkgQuery = expected.lines().collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> ours = packages.stream().filter(p -> p.ecosystem().equals("dpkg"))
                .map(p -> p.name() + " " + p.version() + " " + p.sourceName() + " " + p.sourceVersion())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(dpkgQuery).hasSizeGreaterThan(50).anyMatch(line -> line.startsWith("python3-six " + image.debs().get("python3-six").version() + " six "))
                .anyMatch(line -> line.startsWith("age "));
        assertThat(ours).isEqualTo(dpkgQuery);
        SbomPackage bsdutils = named("bsdutils");
        assertThat(bsdutils.licenses()).contains("GPL-2.0-or-later");
        assertThat(bsdutils.path()).isEqualTo("/var/lib/dpkg/status");
        // The status the last dpkg run rewrote, in the layer of age, hides the lower ones.
        assertThat(named("python3-six").layer()).isEqualTo(named("bsdutils").layer()).isEqualTo(named("age").layer());
    }

    @Test
    void dpkgPurlsAreWhatTheStatusSays() {
        // upstream= only when the status has a Source field, with @VERSION when the source's differs.
        Set<String> expected = dpkgQuery("${Package}\\t${Version}\\t${Architecture}\\t${Source}\\t${source:Package}"
                + "\\t${source:Version}\\n").lines().map(line -> {
                    String[] f = line.split("\t", -1);
                    String upstream = f[3].isEmpty() ? "" : "&upstream=" + (f[5].equals(f[1]) ? f[4] : f[4] + "%40" + f[5]);
                    return "pkg:deb/debian/" + f[0] + "@" + f[1] + "?arch=" + f[2] + "&distro=debian-12" + upstream;
                }).map(purl -> purl.replace("+", "%2B")).collect(Collectors.toSet());
        assertThat(packages).filteredOn(p -> p.ecosystem().equals("dpkg")).extracting(SbomPackage::purl)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(named("bsdutils").purl()).startsWith("pkg:deb/debian/bsdutils@1:")
                .contains("?arch=amd64&distro=debian-12&upstream=util-linux");
    }

    @Test
    void languagePackagesOfEveryLayer() {
        String compress = SbomTestImage.classJar(org.apache.commons.compress.archivers.tar.TarArchiveEntry.class)
                .getParent().getFileName().toString();
        String jackson = image.nestedJar().getParent().getFileName().toString();
        String jar = "/opt/lib/" + image.jar().getFileName();
        String nested = SbomTestImage.FAT_JAR + "!/BOOT-INF/lib/";
        assertThat(packages).filteredOn(p -> p.ecosystem().equals("maven")).extracting(p -> p.purl() + " " + p.path())
                .containsExactlyInAnyOrder(
                        "pkg:maven/org.apache.commons/commons-compress@" + compress + " " + jar,
                        "pkg:maven/org.apache.commons/commons-compress@" + compress + " " + nested + image.jar().getFileName(),
                        "pkg:maven/com.fasterxml.jackson.core/jackson-core@" + jackson + " " + nested
                                + image.nestedJar().getFileName(),
                        "pkg:maven/dev.berth.it/fat-app@1.0.0 " + SbomTestImage.FAT_JAR);
        assertThat(packages).filteredOn(p -> p.ecosystem().equals("npm"))
                .extracting(p -> p.purl() + " " + p.path() + " " + p.licenses())
                .containsExactly("pkg:npm/ms@2.1.3 " + SbomTestImage.NODE_MODULES + "/ms/package.json [MIT]");
        assertThat(packages).filteredOn(p -> p.ecosystem().equals("pypi"))
                .extracting(p -> p.purl() + " " + p.path() + " " + p.ownedBy().orElse("-"))
                .containsExactly("pkg:pypi/six@" + image.sixPythonVersion() + " " + image.sixEggInfo()
                        + "/PKG-INFO python3-six");
        // Debian builds Go in GOPATH mode: the build info has the toolchain but no module list. The toolchain
        // is the golang-1.19 version that Built-Using names.
        String builtUsing = dpkgQuery("${Built-Using}", "age");
        java.util.regex.Matcher go = java.util.regex.Pattern.compile("golang-1\\.\\d+ \\(= ([0-9.]+)-").matcher(builtUsing);
        assertThat(go.find()).as(builtUsing).isTrue();
        assertThat(packages).filteredOn(p -> p.ecosystem().equals("go"))
                .extracting(p -> p.purl() + " " + p.path() + " " + p.ownedBy().orElse("-"))
                .containsExactlyInAnyOrder("pkg:golang/stdlib@" + go.group(1) + " /usr/bin/age age",
                        "pkg:golang/stdlib@" + go.group(1) + " /usr/bin/age-keygen age");
    }

    @Test
    void bothDocumentsValidateReadBackListEveryPurlAndRepeatByteForByte() throws Exception {
        byte[] spdx = berth.sboms().document(IMAGE, SbomFormat.SPDX_JSON);
        byte[] cdx = berth.sboms().document(IMAGE, SbomFormat.CYCLONEDX_JSON);
        String spdxText = new String(spdx, StandardCharsets.UTF_8);
        String cdxText = new String(cdx, StandardCharsets.UTF_8);
        for (SbomPackage found : packages) {
            assertThat(spdxText).contains("\"referenceLocator\" : \"" + found.purl() + "\"");
            assertThat(cdxText).contains("\"purl\" : \"" + found.purl() + "\"");
        }
        ObjectMapper json = new ObjectMapper();
        assertThat(SbomSchemas.spdx().validate(json.readTree(spdx))).isEmpty();
        assertThat(SbomSchemas.cycloneDx().validate(json.readTree(cdx))).isEmpty();
        List<String> purls = packages.stream().map(SbomPackage::purl).toList();
        ReferenceReaders.ReadBack spdxRead = ReferenceReaders.spdx(spdx);
        assertThat(spdxRead.problems()).isEmpty();
        assertThat(spdxRead.purls()).containsExactlyInAnyOrderElementsOf(purls);
        assertThat(ReferenceReaders.cycloneDx(cdx).purls()).containsExactlyInAnyOrderElementsOf(purls);
        assertThat(spdxText).contains("\"created\" : \"2023-11-14T22:13:20Z\"");
        assertThat(berth.sboms().document(IMAGE, SbomFormat.SPDX_JSON)).isEqualTo(spdx);
        assertThat(berth.sboms().document(IMAGE, SbomFormat.CYCLONEDX_JSON)).isEqualTo(cdx);
    }

    private String dpkgQuery(String format, String... names) {
        List<String> command = new java.util.ArrayList<>(List.of("dpkg-query",
                "--admindir=" + image.root().resolve("var/lib/dpkg"), "-W", "-f", format));
        command.addAll(List.of(names));
        return HostCommand.of(command).run().orThrow().stdout();
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
        // Language advisories: the jar (twice: on its own and in the fat jar) and ms are hit; Debian's six and
        // the Go toolchain inside Debian's age are left to Debian's advisories.
        String compress = named("org.apache.commons:commons-compress").version();
        record(db, "GHSA-IT-MAVEN", "MEDIUM", "Maven", "org.apache.commons:commons-compress", events(compress + ".1"), "");
        record(db, "GHSA-IT-NPM", "LOW", "npm", "ms", events("2.1.4"), "");
        record(db, "PYSEC-IT-SIX", "HIGH", "PyPI", "six", events("99"), "");
        record(db, "GO-IT-STDLIB", "HIGH", "Go", "stdlib", events("1.99.0"), "");

        ScanResult all = berth.scans().scan(ScanRequest.builder(IMAGE, db).build());
        Map<String, Set<String>> byId = all.findings().stream().collect(Collectors.groupingBy(ScanFinding::id,
                Collectors.mapping(ScanFinding::packageName, Collectors.toSet())));
        Set<String> utilLinuxBinaries = packages.stream().filter(p -> p.sourceName().equals("util-linux"))
                .map(SbomPackage::name).collect(Collectors.toSet());
        assertThat(byId.get("DSA-IT-HIT")).isEqualTo(utilLinuxBinaries).contains("bsdutils");
        assertThat(byId.get("DSA-IT-EPOCH")).isEqualTo(utilLinuxBinaries);
        assertThat(byId).doesNotContainKeys("DSA-IT-FIXED", "DSA-IT-BINARY", "DSA-IT-WITHDRAWN", "DSA-IT-ALIAS",
                "PYSEC-IT-SIX", "GO-IT-STDLIB");
        assertThat(all.findings()).filteredOn(f -> f.id().equals("GHSA-IT-MAVEN")).extracting(ScanFinding::path)
                .containsExactlyInAnyOrder("/opt/lib/" + image.jar().getFileName(),
                        SbomTestImage.FAT_JAR + "!/BOOT-INF/lib/" + image.jar().getFileName());
        assertThat(byId.get("GHSA-IT-NPM")).containsExactly("ms");
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
        // No false alarm: not one secret in the 170 MB of Debian, the jars, the Go binaries.
        assertThat(all.secrets()).isEmpty();

        ScanResult unfixed = berth.scans().scan(ScanRequest.builder(IMAGE, db).ignoreUnfixed(true).build());
        assertThat(unfixed.findings()).extracting(ScanFinding::id).doesNotContain("DEBIAN-CVE-IT-UNFIXED");
        ScanResult high = berth.scans().scan(ScanRequest.builder(IMAGE, db).severities(List.of("HIGH")).build());
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
        record(db, id, severity, "Debian:12", source, events, extra);
    }

    private static void record(Path db, String id, String severity, String ecosystem, String name, String events,
            String extra) throws IOException {
        Files.writeString(db.resolve(id + ".json"), "{\"id\":\"" + id + "\",\"modified\":\"2026-12-01T00:00:00Z\""
                + extra + ",\"database_specific\":{\"severity\":\"" + severity + "\"},\"affected\":[{\"package\":"
                + "{\"ecosystem\":\"" + ecosystem + "\",\"name\":\"" + name + "\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
                + "\"events\":[" + events + "]}]}]}");
    }
}
