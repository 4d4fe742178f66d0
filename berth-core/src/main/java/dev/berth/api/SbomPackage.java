package dev.berth.api;

import java.util.List;
import java.util.Optional;

/**
 * One package an image holds, as {@code berth sbom} lists it.
 *
 * @param ecosystem     {@code dpkg}, {@code apk}, {@code pypi}, {@code maven}, {@code npm} or {@code go}
 * @param sourceName    the distro source package (the name for language packages)
 * @param layer         the diffID of the layer whose file proved it
 * @param path          that file
 * @param ownedBy       the Debian package that installed this language package, if one did
 */
public record SbomPackage(String ecosystem, String name, String version, String sourceName, String sourceVersion,
        String arch, String purl, List<String> licenses, String layer, String path, Optional<String> ownedBy) {

    public SbomPackage {
        licenses = List.copyOf(licenses);
    }
}
