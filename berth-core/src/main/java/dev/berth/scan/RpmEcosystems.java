package dev.berth.scan;

import dev.berth.sbom.Distro;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The OSV ecosystems an rpm distro release's advisories are in, from its os-release {@code ID} and
 * {@code VERSION_ID}: {@code AlmaLinux:9}, {@code Rocky Linux:9}, Red Hat's per-product ecosystems
 * ({@code Red Hat:enterprise_linux:9::appstream}, {@code ...::baseos}: every one of the database's that starts
 * {@code Red Hat:enterprise_linux:9}), {@code openSUSE:Leap 15.5}, {@code openSUSE:Tumbleweed} and
 * {@code SUSE:Linux Enterprise Server 15 SP5}. Empty for the others (Fedora, CentOS, Oracle Linux, Amazon Linux...),
 * whose advisories OSV does not carry under a name Berth knows: their packages are not matched, and the scan says
 * how many.
 */
final class RpmEcosystems {

    private RpmEcosystems() {
    }

    static Optional<List<String>> of(Distro distro, Set<String> inDatabase) {
        String version = distro.versionId();
        String[] parts = version.split("\\.");
        String major = parts[0];
        return switch (distro.id()) {
            case "almalinux" -> versioned(version, "AlmaLinux:" + major);
            case "rocky" -> versioned(version, "Rocky Linux:" + major);
            case "rhel" -> version.isEmpty() ? Optional.empty() : Optional.of(inDatabase.stream()
                    .filter(name -> name.equals("Red Hat:enterprise_linux:" + major)
                            || name.startsWith("Red Hat:enterprise_linux:" + major + ":"))
                    .toList());
            case "opensuse-leap" -> versioned(version, "openSUSE:Leap " + version);
            case "opensuse-tumbleweed" -> Optional.of(List.of("openSUSE:Tumbleweed"));
            case "sles" -> versioned(version, "SUSE:Linux Enterprise Server " + major
                    + (parts.length > 1 && !parts[1].equals("0") ? " SP" + parts[1] : ""));
            default -> Optional.empty();
        };
    }

    private static Optional<List<String>> versioned(String version, String ecosystem) {
        return version.isEmpty() ? Optional.empty() : Optional.of(List.of(ecosystem));
    }
}
