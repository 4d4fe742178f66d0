package dev.berth.sbom;

import java.util.List;
import java.util.Optional;

/**
 * Reads one kind of package metadata from the files {@link MergedLayers} hands it, then says what it found. One
 * instance per image: it gathers as it is fed.
 */
public sealed interface Cataloger extends MergedLayers.Visitor
        permits DpkgCataloger, ApkCataloger, RpmCataloger, PythonCataloger, JavaArchiveCataloger, NpmCataloger, GoBuildInfoCataloger {

    /** What was found, in a fixed order; {@code distro} is what the image's os-release says, if anything. */
    List<FoundPackage> packages(Optional<Distro> distro);
}
