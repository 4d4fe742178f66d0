package dev.berth.sbom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alpine packages from {@code /lib/apk/db/installed}: one record per package, {@code K:value} lines, a blank line
 * between records; {@code P} name, {@code V} version, {@code A} arch, {@code L} license (an SPDX expression in
 * Alpine's APKBUILDs), {@code o} origin, the source package a scanner matches on.
 */
final class ApkCataloger implements Cataloger {

    static final String INSTALLED = "/lib/apk/db/installed";

    private LayerFile file;
    private byte[] installed;

    @Override
    public boolean wants(LayerFile candidate) {
        return candidate.path().equals(INSTALLED) && candidate.kind() != LayerFile.Kind.SYMLINK;
    }

    @Override
    public void read(LayerFile candidate, InputStream content) throws IOException {
        file = candidate;
        installed = content.readAllBytes();
    }

    @Override
    public List<FoundPackage> packages(Optional<Distro> distro) {
        if (installed == null) {
            return List.of();
        }
        List<FoundPackage> found = new ArrayList<>();
        Map<Character, String> record = new LinkedHashMap<>();
        for (String line : (new String(installed, StandardCharsets.UTF_8) + "\n\n").split("\n")) {
            if (line.isBlank()) {
                if (record.containsKey('P') && record.containsKey('V')) {
                    found.add(alpine(record, distro));
                }
                record.clear();
            } else if (line.length() >= 2 && line.charAt(1) == ':') {
                record.putIfAbsent(line.charAt(0), line.substring(2));
            }
        }
        found.sort(Comparator.comparing(FoundPackage::name));
        return found;
    }

    private FoundPackage alpine(Map<Character, String> record, Optional<Distro> distro) {
        String name = record.get('P');
        String version = record.get('V');
        String arch = record.getOrDefault('A', "");
        String origin = record.getOrDefault('o', name);
        Map<String, String> qualifiers = new LinkedHashMap<>();
        qualifiers.put("arch", arch);
        qualifiers.put("distro", distro.map(Distro::qualifier).orElse(""));
        qualifiers.put("upstream", origin.equals(name) ? "" : origin);
        String purl = PackageUrl.of("apk", distro.map(Distro::vendor).orElse("alpine"),
                name.toLowerCase(java.util.Locale.ROOT), version, qualifiers);
        List<String> licenses = new ArrayList<>();
        for (String license : record.getOrDefault('L', "").split("\\s+(?:AND|OR|and|or)\\s+|\\s+")) {
            if (!license.isBlank() && !license.equals("(") && !license.equals(")")) {
                licenses.add(license.replace("(", "").replace(")", ""));
            }
        }
        return new FoundPackage(FoundPackage.Ecosystem.APK, name, version, origin, version, arch, purl, licenses,
                file.layer(), file.path(), Optional.empty());
    }
}
