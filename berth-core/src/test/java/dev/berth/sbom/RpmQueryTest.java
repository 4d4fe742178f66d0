package dev.berth.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rpm's query lines and License tags, without rpm: what {@link RpmQuery} and {@link RpmCataloger} make of them. */
class RpmQueryTest {

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
