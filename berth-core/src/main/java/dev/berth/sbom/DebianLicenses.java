package dev.berth.sbom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Licenses of a Debian package from its {@code /usr/share/doc/PKG/copyright}, when that file is machine-readable
 * (DEP-5, {@code Format: .../copyright-format/1.0/}): every {@code License:} short name, mapped to an SPDX id.
 * Free-form copyright files give none: guessing from prose would be wrong as often as right.
 */
final class DebianLicenses {

    /** Debian short names (lowercased) whose SPDX id is not the name itself; {@code +} is handled apart. */
    private static final Map<String, String> SPDX = Map.ofEntries(
            Map.entry("expat", "MIT"), Map.entry("mit", "MIT"), Map.entry("isc", "ISC"), Map.entry("zlib", "Zlib"),
            Map.entry("apache-2.0", "Apache-2.0"), Map.entry("apache-1.1", "Apache-1.1"),
            Map.entry("apache-1.0", "Apache-1.0"), Map.entry("artistic", "Artistic-1.0-Perl"),
            Map.entry("artistic-1.0", "Artistic-1.0"), Map.entry("artistic-2.0", "Artistic-2.0"),
            Map.entry("bsd-2-clause", "BSD-2-Clause"), Map.entry("bsd-3-clause", "BSD-3-Clause"),
            Map.entry("bsd-4-clause", "BSD-4-Clause"), Map.entry("cc0-1.0", "CC0-1.0"), Map.entry("cc0", "CC0-1.0"),
            Map.entry("mpl-1.1", "MPL-1.1"), Map.entry("mpl-2.0", "MPL-2.0"), Map.entry("psf-2", "PSF-2.0"),
            Map.entry("python-2.0", "Python-2.0"), Map.entry("openssl", "OpenSSL"), Map.entry("curl", "curl"),
            Map.entry("ftl", "FTL"), Map.entry("x11", "X11"), Map.entry("unicode-dfs-2016", "Unicode-DFS-2016"),
            Map.entry("bsl-1.0", "BSL-1.0"), Map.entry("0bsd", "0BSD"), Map.entry("sleepycat", "Sleepycat"),
            Map.entry("wtfpl", "WTFPL"), Map.entry("unlicense", "Unlicense"), Map.entry("tcl", "TCL"));

    private DebianLicenses() {
    }

    static List<String> read(byte[] copyright) {
        String text = new String(copyright, StandardCharsets.UTF_8);
        String first = text.lines().findFirst().orElse("").trim();
        if (!first.regionMatches(true, 0, "Format:", 0, 7) || !first.contains("copyright-format/1.0")) {
            return List.of();
        }
        TreeSet<String> ids = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.regionMatches(true, 0, "License:", 0, 8)) {
                for (String name : names(line.substring(8).trim())) {
                    ids.add(spdx(name));
                }
            }
        }
        return List.copyOf(ids);
    }

    /** The license names of a DEP-5 expression: {@code GPL-2+ or Artistic}, {@code MIT and BSD-3-clause}. */
    static List<String> names(String expression) {
        List<String> names = new ArrayList<>();
        for (String part : expression.split("(?i)\\s+(or|and)\\s+|,\\s*")) {
            String name = part.replaceAll("(?i)\\s+with\\s+.*$", "").trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** An SPDX id for a Debian short name: {@code GPL-2+} is {@code GPL-2.0-or-later}; unknown names a LicenseRef. */
    static String spdx(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String known = SPDX.get(lower);
        if (known != null) {
            return known;
        }
        var gnu = java.util.regex.Pattern.compile("(a?gpl|lgpl|gfdl)-?(\\d)(?:\\.(\\d))?(\\+|-or-later|-only)?")
                .matcher(lower);
        if (gnu.matches()) {
            String family = gnu.group(1).toUpperCase(Locale.ROOT);
            String minor = gnu.group(3) != null ? gnu.group(3) : "0";
            String later = "+".equals(gnu.group(4)) || "-or-later".equals(gnu.group(4)) ? "-or-later" : "-only";
            if (family.equals("GFDL")) {
                later = later.equals("-only") ? "-only" : "-or-later";
            }
            return family + "-" + gnu.group(2) + "." + minor + later;
        }
        return "LicenseRef-" + name.replaceAll("[^A-Za-z0-9.-]", "-");
    }
}
