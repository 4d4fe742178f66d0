package dev.berth.api;

import java.util.List;
import java.util.Optional;

/**
 * One vulnerability of one installed package, as a scan reports it.
 *
 * @param id             the CVE when one of the merged records has it, else the record's id
 * @param aliases        the other ids of the merged records
 * @param severity       {@code CRITICAL}, {@code HIGH}, {@code MEDIUM}, {@code LOW} or {@code UNKNOWN}
 * @param matchedName    the name matched: the source package for distro packages
 * @param matchedVersion the version compared: the source version for distro packages
 * @param fixed          the lowest fixed version above the installed one; empty when no fix is known
 */
public record ScanFinding(String id, List<String> aliases, String severity, String packageName, String version,
        String ecosystem, String matchedName, String matchedVersion, Optional<String> fixed, String purl,
        String layer, String path) {

    public ScanFinding {
        aliases = List.copyOf(aliases);
    }
}
