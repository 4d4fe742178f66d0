package dev.berth.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.UnsupportedFeatureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rpm's query lines and License tags, without rpm: what {@link RpmQuery} and {@link RpmCataloger} make of them. */
class RpmQueryTest {

    @TempDir
    Path directory;

    /**
     * Regression: rpm ran as root, with the JVM's whole environment, on an image's database. A stand-in rpm prints its
     * uid, its variables and whether it can read the copy as package lines; the copy is gone afterwards.
     */
    @Test
    void rpmRunsWithAMinimalEnvironmentAndAsNobodyWhenRoot() throws IOException {
        // nobody must reach the stand-in and the scratch directory: JUnit's is private to root.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x--x"));
        Path bin = Files.createDirectories(directory.resolve("bin"));
        Path scratch = Files.createDirectories(directory.resolve("scratch"));
        Files.writeString(bin.resolve("rpm"), """
                #!/bin/sh
                line() { printf '%s\t(none)\t1\t1\tnoarch\t(none)\tMIT\n' "$1"; }
                line "uid-$(id -u)"
                for name in $(env | cut -d= -f1); do line "env-$name"; done
                line "home-$(ls -A "$HOME" | wc -l)"
                line "db-$(cat "$2/rpmdb.sqlite")"
                """);
        Files.setPosixFilePermissions(bin.resolve("rpm"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path database = Files.createDirectories(directory.resolve("copy"));
        Files.writeString(database.resolve("rpmdb.sqlite"), "sqlite");
        RpmQuery found = RpmQuery.onPath(Map.of("PATH", bin + ":/usr/bin:/bin", "TMPDIR", scratch.toString()));
        boolean root = "root".equals(System.getProperty("user.name"));

        List<String> names = found.query(database, "/var/lib/rpm/rpmdb.sqlite").stream().map(RpmQuery.Header::name)
                .toList();

        assertThat(found.user()).isInstanceOf(root ? RpmQuery.RpmUser.Nobody.class : RpmQuery.RpmUser.Caller.class);
        assertThat(names).contains("home-0", "db-sqlite");
        if (root) {
            assertThat(names).contains("uid-65534");
        }
        // PWD is the shell's own.
        assertThat(names).filteredOn(name -> name.startsWith("env-")).map(name -> name.substring(4))
                .contains("PATH", "LANG", "HOME").isSubsetOf("PATH", "LANG", "HOME", "PWD");
        assertThat(scratch).isEmptyDirectory();
    }

    @Test
    void rootWithoutSetprivDoesNotRunRpm() throws IOException {
        Path rpm = Files.writeString(directory.resolve("rpm"), "#!/bin/sh\nexit 0\n");
        RpmQuery query = new RpmQuery(Optional.of(rpm), directory, new RpmQuery.RpmUser.NoSetpriv());

        assertThatThrownBy(() -> query.query(directory, "/var/lib/rpm/Packages"))
                .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("/var/lib/rpm/Packages")
                .hasMessageContaining("never as root").hasMessageContaining("setpriv is not installed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bash\t(none)\t5.1.8\t9.el9\tx86_64\tbash-5.1.8-9.el9.src.rpm\tGPLv3+ | bash  5.1.8 9.el9 x86_64 bash-5.1.8-9.el9.src.rpm GPLv3+",
        "shadow-utils\t2\t4.9\t8.el9\tx86_64\tshadow-utils-4.9-8.el9.src.rpm\tBSD and GPLv2+ | shadow-utils 2 4.9 8.el9 x86_64 shadow-utils-4.9-8.el9.src.rpm BSD and GPLv2+",
        "gpg-pubkey\t(none)\t8483c65d\t5ccc5b19\t(none)\t(none)\tpubkey | ''",
        "truncated\t1 | ''",
    })
    void parsesQueryLinesLeavingOutSigningKeys(String line, String expected) {
        List<RpmQuery.Header> headers = RpmQuery.parse(line.replace("\\t", "\t") + "\n");
        assertThat(headers).extracting(h -> String.join(" ", h.name(), h.epoch(), h.version(), h.release(), h.arch(),
                h.sourceRpm(), h.license())).containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MIT AND (Apache-2.0 OR BSD-3-Clause) | Apache-2.0,BSD-3-Clause,MIT",
        "GPLv2+                               | GPL-2.0-or-later",
        "LGPLv2 and GPLv3+                    | GPL-3.0-or-later,LGPL-2.0-only",
        "GPL-2.0-or-later WITH Linux-syscall-note | GPL-2.0-or-later",
        "BSD                                  | LicenseRef-BSD",
        "Public Domain                        | LicenseRef-Public-Domain",
    })
    void licenseTagsBecomeSpdxIds(String tag, String ids) {
        assertThat(RpmCataloger.licenses(tag)).containsExactly(ids.split(","));
    }
}
