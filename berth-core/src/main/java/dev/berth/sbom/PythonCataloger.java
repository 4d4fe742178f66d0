package dev.berth.sbom;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Python distributions: {@code *.dist-info/METADATA} (wheels, pip) and {@code *.egg-info/PKG-INFO} or a
 * {@code *.egg-info} file (setuptools, Debian's python3 packages). Licenses from {@code License-Expression}, else
 * the OSI classifiers, else a short {@code License} field. Names are normalized as PEP 503 and the purl spec say:
 * lowercased, runs of {@code -_.} one {@code -}.
 */
final class PythonCataloger implements Cataloger {

    private static final Map<String, String> CLASSIFIERS = Map.ofEntries(
            Map.entry("MIT License", "MIT"), Map.entry("Apache Software License", "Apache-2.0"),
            Map.entry("BSD License", "BSD-3-Clause"), Map.entry("ISC License (ISCL)", "ISC"),
            Map.entry("Python Software Foundation License", "PSF-2.0"),
            Map.entry("Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0"),
            Map.entry("GNU General Public License v2 (GPLv2)", "GPL-2.0-only"),
            Map.entry("GNU General Public License v3 (GPLv3)", "GPL-3.0-only"),
            Map.entry("GNU Lesser General Public License v2 or later (LGPLv2+)", "LGPL-2.0-or-later"),
            Map.entry("GNU Lesser General Public License v3 (LGPLv3)", "LGPL-3.0-only"));

    private final List<FoundPackage> found = new ArrayList<>();

    @Override
    public boolean wants(LayerFile file) {
        if (file.kind() != LayerFile.Kind.FILE && file.kind() != LayerFile.Kind.HARDLINK) {
            return false;
        }
        String path = file.path();
        return path.endsWith(".dist-info/METADATA") || path.endsWith(".egg-info/PKG-INFO") || path.endsWith(".egg-info");
    }

    @Override
    public void read(LayerFile file, InputStream content) throws IOException {
        Map<String, List<String>> headers = ControlParagraphs.headers(content.readAllBytes());
        String name = ControlParagraphs.first(headers, "name");
        String version = ControlParagraphs.first(headers, "version");
        if (name.isEmpty() || version.isEmpty()) {
            return;
        }
        String purl = PackageUrl.of("pypi", "", normalize(name), version, Map.of());
        found.add(new FoundPackage(FoundPackage.Ecosystem.PYPI, name, version, name, version, "", purl,
                licenses(headers), file.layer(), file.path(), Optional.empty()));
    }

    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    private static List<String> licenses(Map<String, List<String>> headers) {
        String expression = ControlParagraphs.first(headers, "license-expression");
        if (!expression.isEmpty()) {
            return List.of(expression);
        }
        List<String> ids = new ArrayList<>();
        for (String classifier : headers.getOrDefault("classifier", List.of())) {
            if (classifier.startsWith("License :: OSI Approved :: ")) {
                String mapped = CLASSIFIERS.get(classifier.substring("License :: OSI Approved :: ".length()));
                if (mapped != null) {
                    ids.add(mapped);
                }
            }
        }
        String license = ControlParagraphs.first(headers, "license");
        if (ids.isEmpty() && !license.isEmpty() && !license.equalsIgnoreCase("UNKNOWN") && license.length() <= 40
                && !license.contains(" ")) {
            ids.add(license);
        }
        return ids;
    }

    @Override
    public List<FoundPackage> packages(Optional<Distro> distro) {
        return found.stream().sorted(Comparator.comparing(FoundPackage::path)).toList();
    }
}
