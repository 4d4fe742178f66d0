package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ImportRequest;
import dev.berth.api.Settings;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth sbom} and {@code berth scan} on a two-package Debian image imported by the test. */
class SbomScanCommandTest {

    static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

    @TempDir
    Path root;

    @TempDir
    Path db;

    @BeforeEach
    void store() {
        byte[] rootfs = new TarBuilder()
                .file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
                .file("var/lib/dpkg/status", """
                        Package: bsdutils
                        Status: install ok installed
                        Architecture: amd64
                        Source: util-linux (2.38.1-5)
                        Version: 1:2.38.1-5+b1

                        Package: tar
                        Status: install ok installed
                        Architecture: amd64
                        Version: 1.34+dfsg-1.2
                        """)
                .build();
        try (Berth berth = Berth.open(Settings.builder().root(root).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build())) {
            berth.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(rootfs)).reference("deb:test")
                    .message("Imported from -").build());
        }
    }

    CliRun berth(String... args) {
        List<String> withRoot = new ArrayList<>(List.of(args));
        withRoot.add("--root");
        withRoot.add(root.toString());
        return CliRun.with(new CommandFactory(Clock.fixed(NOW, ZoneOffset.UTC)), new byte[0],
                withRoot.toArray(String[]::new));
    }

    void advisory(String id, String severity, String name, String fixed) throws IOException {
        Files.writeString(db.resolve(id + ".json"), "{\"id\":\"" + id + "\",\"modified\":\"2026-12-01T00:00:00Z\","
                + "\"database_specific\":{\"severity\":\"" + severity + "\"},\"affected\":[{\"package\":"
                + "{\"ecosystem\":\"Debian:12\",\"name\":\"" + name + "\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
                + "\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"" + fixed + "\"}]}]}]}");
    }

    @Test
    void sbomWritesBothFormatsTheSameTwice() {
        CliRun spdx = berth("sbom", "deb:test", "--format", "spdx-json");
        assertThat(spdx.exitCode()).as(spdx.err()).isZero();
        String text = new String(spdx.stdout(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"spdxVersion\" : \"SPDX-2.3\"",
                "pkg:deb/debian/bsdutils@1:2.38.1-5%2Bb1?arch=amd64&distro=debian-12&upstream=util-linux%402.38.1-5");
        assertThat(berth("sbom", "deb:test", "--format", "spdx-json").stdout()).isEqualTo(spdx.stdout());
        CliRun cdx = berth("sbom", "deb:test", "--format", "cyclonedx-json");
        assertThat(new String(cdx.stdout(), StandardCharsets.UTF_8)).contains("\"specVersion\" : \"1.6\"");
        CliRun bad = berth("sbom", "deb:test", "--format", "xml");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("unknown SBOM format \"xml\"");
    }

    @Test
    void sbomWritesAFile() throws IOException {
        Path out = db.resolve("out.json");
        assertThat(berth("sbom", "deb:test", "--format", "cyclonedx-json", "-o", out.toString()).exitCode()).isZero();
        assertThat(Files.readString(out)).contains("\"bomFormat\" : \"CycloneDX\"");
    }

    @Test
    void scanWithoutADatabaseIsAnError() {
        CliRun run = berth("scan", "deb:test");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("needs a vulnerability database");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void exitCodeWithSeverityHighFailsOnlyOnAHighMatch() throws IOException {
        advisory("DSA-LOW", "LOW", "tar", "1.35");
        CliRun low = berth("scan", "deb:test", "--db", db.toString(), "--exit-code", "1", "--severity", "HIGH");
        assertThat(low.exitCode()).as(low.err()).isZero();
        assertThat(low.out()).contains("No vulnerabilities found.");
        CliRun all = berth("scan", "deb:test", "--db", db.toString(), "--exit-code", "1");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.out()).contains("DSA-LOW");
        advisory("DSA-HIGH", "HIGH", "util-linux", "2.38.1-6");
        CliRun high = berth("scan", "deb:test", "--db", db.toString(), "--exit-code", "1", "--severity", "HIGH");
        assertThat(high.exitCode()).isEqualTo(1);
        assertThat(high.out()).contains("bsdutils", "util-linux 2.38.1-5", "DSA-HIGH", "HIGH", "2.38.1-6")
                .doesNotContain("DSA-LOW");
    }

    @Test
    void ignoreFileAndFormats() throws IOException {
        advisory("DSA-HIGH", "HIGH", "util-linux", "2.38.1-6");
        Path ignore = db.resolve("ignore.txt");
        Files.writeString(ignore, "DSA-HIGH\n");
        Path dbFile = db.resolve("DSA-HIGH.json");
        CliRun ignored = berth("scan", "deb:test", "--db", dbFile.toString(), "--ignore-file", ignore.toString(),
                "--exit-code", "3");
        assertThat(ignored.exitCode()).isZero();
        CliRun json = berth("scan", "deb:test", "--db", dbFile.toString(), "--format", "json");
        assertThat(json.out()).contains("\"id\" : \"DSA-HIGH\"", "\"matchedName\" : \"util-linux\"");
        CliRun sarif = berth("scan", "deb:test", "--db", dbFile.toString(), "--format", "sarif");
        assertThat(sarif.out()).contains("\"version\" : \"2.1.0\"", "\"level\" : \"error\"");
    }

    @Test
    void aSecretInEnvIsReportedRedactedAndFailsTheGate() throws IOException {
        advisory("DSA-LOW", "LOW", "tar", "1.35");
        String key = "AKIA" + "IOSFODNN7EXAMPLE";
        try (Berth berth = Berth.open(Settings.builder().root(root).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build())) {
            berth.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(new TarBuilder().file("a", "b").build()))
                    .reference("leaky:test").changes(List.of("ENV AWS_ACCESS_KEY_ID=" + key))
                    .message("Imported from -").build());
        }
        CliRun run = berth("scan", "leaky:test", "--db", db.toString(), "--exit-code", "1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("AWS_ACCESS_KEY_ID", "env", "AKIA********").doesNotContain(key);
        assertThat(berth("scan", "leaky:test", "--db", db.toString(), "--exit-code", "1", "--severity", "CRITICAL")
                .exitCode()).isZero();
    }

    @Test
    void aStaleDatabaseWarns() throws IOException {
        advisory("DSA-OLD", "LOW", "tar", "1.35");
        CliRun run = berth("scan", "deb:test", "--db", db.toString(), "--stale-days", "0");
        assertThat(run.err()).contains("WARNING: the vulnerability database", "days old");
        CliRun fresh = berth("scan", "deb:test", "--db", db.toString());
        assertThat(fresh.err()).doesNotContain("WARNING");
    }
}
