package dev.berth.sbom;

import dev.berth.image.Digest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One package the image holds.
 *
 * @param ecosystem     what catalogued it, which is also the version order a scanner must use
 * @param sourceName    the distro source package (dpkg {@code Source:}, apk {@code o:}); the name otherwise
 * @param sourceVersion the source package's version; the version otherwise
 * @param arch          the distro architecture; empty for language packages
 * @param licenses      SPDX ids or {@code LicenseRef-} names, sorted, distinct
 * @param layer         the diffID of the layer holding the file that proved it
 * @param path          that file: {@code /var/lib/dpkg/status}, or {@code /app/app.jar!/BOOT-INF/lib/x.jar}
 * @param ownedBy       the distro package whose files include this one (a Debian python3 module, a Go binary
 *                      Debian built); empty when none
 */
public record FoundPackage(Ecosystem ecosystem, String name, String version, String sourceName, String sourceVersion,
        String arch, String purl, List<String> licenses, Digest layer, String path, Optional<String> ownedBy) {

    /** The catalogers, each with the PURL type it writes. */
    public enum Ecosystem {
        DPKG("deb"), APK("apk"), RPM("rpm"), PYPI("pypi"), MAVEN("maven"), NPM("npm"), GO("golang");

        private final String purlType;

        Ecosystem(String purlType) {
            this.purlType = purlType;
        }

        public String purlType() {
            return purlType;
        }
    }

    public FoundPackage {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(sourceVersion, "sourceVersion");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(purl, "purl");
        licenses = licenses.stream().distinct().sorted().toList();
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(ownedBy, "ownedBy");
    }

    public FoundPackage ownedBy(String distroPackage) {
        return new FoundPackage(ecosystem, name, version, sourceName, sourceVersion, arch, purl, licenses, layer, path,
                Optional.of(distroPackage));
    }
}
