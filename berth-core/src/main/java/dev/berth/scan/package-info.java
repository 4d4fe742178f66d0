/**
 * Matching an image's packages ({@link dev.berth.sbom.Inventory}) against an OSV database the user supplies
 * ({@link dev.berth.scan.OsvDatabase}: a directory of OSV JSON files or osv.dev {@code all.zip} files), offline:
 * distro packages by source package and source version, each ecosystem in its own version order
 * ({@link dev.berth.scan.VersionOrder}), OSV ranges and version lists honoured, withdrawn records skipped, aliases
 * merged ({@link dev.berth.scan.VulnerabilityMatcher}); the report as a table, JSON or SARIF 2.1.0
 * ({@link dev.berth.scan.ScanReportWriter}). Knows nothing of builds, containers or the façade.
 */
package dev.berth.scan;
