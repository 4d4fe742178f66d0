package dev.berth.scan;

import static dev.berth.scan.OsvFixtures.fixed;
import static dev.berth.scan.OsvFixtures.record;
import static dev.berth.scan.OsvFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import dev.berth.sbom.Distro;
import dev.berth.sbom.FoundPackage;
import dev.berth.sbom.FoundPackage.Ecosystem;
import dev.berth.sbom.Inventory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rpm packages matched in their vendor's OSV ecosystem, by binary or source name, in rpm's order (regression: the
 * scan left every rpm package out without a word). The package is openssl-libs {@code 1:3.0.7-24.el9} built from
 * openssl; each row: the os-release ID and VERSION_ID, the record's ecosystem, the name it gives, its fixed version,
 * and whether it hits.
 */
class RpmMatchingTest {

    private static final Digest LAYER = Digest.sha256(new byte[0]);
    private static final FoundPackage OPENSSL_LIBS = new FoundPackage(Ecosystem.RPM, "openssl-libs",
            "1:3.0.7-24.el9", "openssl", "3.0.7-24.el9", "x86_64", "pkg:rpm/x/openssl-libs", List.of(), LAYER,
            "/var/lib/rpm/rpmdb.sqlite", Optional.empty());

    @TempDir
    Path db;

    @ParameterizedTest(name = "{0} {1}: {2} {3} fixed {4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            almalinux           | 9.3  | AlmaLinux:9                         | openssl-libs | 1:3.0.7-27.el9  | true
            almalinux           | 9.3  | AlmaLinux:9                         | openssl      | 1:3.0.7-27.el9  | true
            almalinux           | 9.3  | AlmaLinux:9                         | openssl-libs | 1:3.0.7-24.el9  | false
            almalinux           | 9.3  | AlmaLinux:9                         | openssl-libs | 3.0.7-99.el9    | false
            almalinux           | 9.3  | AlmaLinux:9                         | openssl-libs | 1:3.0.7-24.el9_2 | true
            almalinux           | 9.3  | AlmaLinux:8                         | openssl-libs | 1:3.0.7-27.el9  | false
            almalinux           | 9.3  | AlmaLinux:9                         | openssl-devel | 1:3.0.7-27.el9 | false
            rocky               | 9.3  | Rocky Linux:9                       | openssl      | 1:3.0.7-25.el9  | true
            rocky               | 9.3  | AlmaLinux:9                         | openssl      | 1:3.0.7-25.el9  | false
            rhel                | 9.3  | Red Hat:enterprise_linux:9::baseos  | openssl-libs | 1:3.0.7-27.el9  | true
            rhel                | 9.3  | Red Hat:enterprise_linux:9::appstream | openssl    | 1:3.0.7-27.el9  | true
            rhel                | 9.3  | Red Hat:enterprise_linux:8::baseos  | openssl-libs | 1:3.0.7-27.el9  | false
            rhel                | 9.3  | Red Hat:enterprise_linux:90::baseos | openssl-libs | 1:3.0.7-27.el9  | false
            opensuse-leap       | 15.5 | openSUSE:Leap 15.5                  | openssl-libs | 1:3.0.8-1       | true
            opensuse-tumbleweed | ''   | openSUSE:Tumbleweed                 | openssl-libs | 1:3.0.8-1       | true
            sles                | 15.5 | SUSE:Linux Enterprise Server 15 SP5 | openssl-libs | 1:3.0.8-1       | true
            sles                | 15   | SUSE:Linux Enterprise Server 15     | openssl-libs | 1:3.0.8-1       | true
            fedora              | 40   | Fedora:40                           | openssl-libs | 1:3.0.8-1       | false
            """)
    void rpmPackagesMatchInTheirVendorsEcosystem(String id, String version, String ecosystem, String name,
            String fixedIn, boolean hits) {
        write(db, "RPM-1", record("RPM-1", ecosystem, name, fixed(fixedIn), ""));
        VulnerabilityMatcher matcher = new VulnerabilityMatcher(OsvDatabase.read(db));

        List<VulnerabilityMatch> matches = matcher.match(image(id, version));

        assertThat(matches).extracting(match -> match.id() + " " + match.matchedName() + " " + match.matchedVersion()
                + " " + match.fixed().orElse("")).containsExactlyElementsOf(hits
                        ? List.of("RPM-1 " + name + " 1:3.0.7-24.el9 " + fixedIn) : List.of());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            almalinux | 9.3 | AlmaLinux:9 | ''
            fedora    | 40  | AlmaLinux:9 | 1 rpm package was not matched: OSV has no ecosystem Berth knows for fedora 40
            almalinux | 9.3 | Debian:12   | 1 rpm package was not matched: the database has no record for almalinux 9.3 (AlmaLinux:9)
            rhel      | 9.3 | Debian:12   | 1 rpm package was not matched: the database has no record for rhel 9.3 (Red Hat:enterprise_linux:9::...)
            """)
    void rpmPackagesNotMatchedAreCountedInAWarning(String id, String version, String ecosystem, String warning) {
        write(db, "RPM-1", record("RPM-1", ecosystem, "openssl", fixed("9:9"), ""));

        Optional<String> said = new VulnerabilityMatcher(OsvDatabase.read(db)).unmatchedRpms(image(id, version));

        if (warning.isEmpty()) {
            assertThat(said).isEmpty();
        } else {
            assertThat(said).get().asString().startsWith(warning);
        }
    }

    @ParameterizedTest(name = "one record naming {0} and {1}")
    @CsvSource({"openssl-libs, openssl"})
    void aRecordNamingTheBinaryAndTheSourceIsOneMatch(String binary, String source) {
        write(db, "ALSA-1", "{\"id\":\"ALSA-1\",\"modified\":\"2026-12-01T00:00:00Z\",\"affected\":["
                + "{\"package\":{\"ecosystem\":\"AlmaLinux:9\",\"name\":\"" + source + "\"},\"ranges\":[{\"type\":"
                + "\"ECOSYSTEM\",\"events\":[" + fixed("1:3.0.7-27.el9") + "]}]},"
                + "{\"package\":{\"ecosystem\":\"AlmaLinux:9\",\"name\":\"" + binary + "\"},\"ranges\":[{\"type\":"
                + "\"ECOSYSTEM\",\"events\":[" + fixed("1:3.0.7-27.el9") + "]}]}]}");

        List<VulnerabilityMatch> matches = new VulnerabilityMatcher(OsvDatabase.read(db)).match(image("almalinux", "9.3"));

        assertThat(matches).extracting(VulnerabilityMatch::id).containsExactly("ALSA-1");
    }

    private static Inventory image(String id, String version) {
        return new Inventory(LAYER, "test", Optional.of(new Distro(id, version, "", id)), List.of(OPENSSL_LIBS));
    }
}
