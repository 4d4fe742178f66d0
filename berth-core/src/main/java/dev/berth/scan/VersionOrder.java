package dev.berth.scan;

import java.util.Comparator;

/**
 * How one ecosystem orders its versions; each implementation follows the ecosystem's own tool (dpkg, apk-tools,
 * Maven's ComparableVersion, PEP 440 as Python's {@code packaging} reads it, SemVer 2.0.0, rpm).
 */
public sealed interface VersionOrder extends Comparator<String>
        permits DpkgVersionOrder, ApkVersionOrder, MavenVersionOrder, Pep440VersionOrder, SemverVersionOrder,
        RpmVersionOrder {

    /** The OSV range event version {@code 0}: before every version. */
    String ZERO = "0";
}
