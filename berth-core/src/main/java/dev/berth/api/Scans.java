package dev.berth.api;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import dev.berth.error.NotFoundException;
import dev.berth.sbom.Inventory;
import dev.berth.scan.AdvisorySeverity;
import dev.berth.scan.IgnoreList;
import dev.berth.scan.LeakedSecret;
import dev.berth.scan.SecretFinder;
import dev.berth.sbom.MergedLayers;
import dev.berth.scan.OsvDatabase;
import dev.berth.scan.ScanGates;
import dev.berth.scan.ScanReportWriter;
import dev.berth.scan.VulnerabilityMatch;
import dev.berth.scan.VulnerabilityMatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code berth scan}: an image's packages (as {@link Sboms} catalogues them) matched against an OSV database the
 * user gives, offline, and the secrets it gives away (Env, Labels, history build args, files of every layer).
 * Reached through {@link Berth#scans()}.
 */
public final class Scans {

    private final Sboms sboms;
    private final Clock clock;

    Scans(Sboms sboms, Clock clock) {
        this.sboms = sboms;
        this.clock = clock;
    }

    /**
     * Scans the image.
     *
     * @throws NotFoundException when the image, the database or the ignore file does not exist
     * @throws InvalidInputException when the database holds no OSV record or a file is not OSV JSON, or for an
     *     unknown severity
     */
    public ScanResult scan(ScanRequest request) {
        Set<AdvisorySeverity> severities = severities(request.severities());
        Set<String> ignored = request.ignoreFile().map(Scans::ignored).orElse(Set.of());
        OsvDatabase database = OsvDatabase.read(request.database());
        Inventory inventory = sboms.inventory(request.image());
        VulnerabilityMatcher matcher = new VulnerabilityMatcher(database);
        List<VulnerabilityMatch> all = matcher.match(inventory);
        List<VulnerabilityMatch> kept = new ScanGates(severities, request.ignoreUnfixed(), ignored).apply(all);
        StoredImage stored = sboms.stored(request.image());
        List<LeakedSecret> secrets = new SecretFinder(new MergedLayers(sboms.content(),
                sboms.layers(stored, request.image()))).find(stored.config()).stream()
                .filter(secret -> severities.isEmpty() || severities.contains(secret.severity())).toList();
        List<String> warnings = new ArrayList<>();
        Instant now = clock.instant();
        database.newest().ifPresent(newest -> {
            Duration age = Duration.between(newest, now);
            if (age.compareTo(request.staleAfter()) > 0) {
                warnings.add("the vulnerability database " + request.database() + " is " + age.toDays()
                        + " days old (its newest record was modified " + newest + "): update it for current advisories");
            }
        });
        matcher.unmatchedRpms(inventory).ifPresent(warnings::add);
        if (database.newest().isEmpty()) {
            warnings.add("the vulnerability database " + request.database() + " gives no modified times:"
                    + " its age is unknown");
        }
        String report = ScanReportWriter.write(switch (request.format()) {
            case TABLE -> ScanReportWriter.Format.TABLE;
            case JSON -> ScanReportWriter.Format.JSON;
            case SARIF -> ScanReportWriter.Format.SARIF;
        }, inventory, database, kept, secrets);
        List<ScanFinding> findings = kept.stream().map(match -> new ScanFinding(match.id(), match.aliases(),
                match.severity().name(), match.found().name(), match.found().version(), match.ecosystem(),
                match.matchedName(), match.matchedVersion(), match.fixed(), match.found().purl(),
                match.found().layer().toString(), match.found().path())).toList();
        List<SecretFinding> secretFindings = secrets.stream().map(secret -> new SecretFinding(secret.rule().name(),
                secret.severity().name(), secret.where(), secret.location(), secret.redacted(), secret.deleted()))
                .toList();
        return new ScanResult(findings, report, warnings, inventory.packages().size(), database.records(),
                secretFindings);
    }

    private static Set<AdvisorySeverity> severities(List<String> names) {
        Set<AdvisorySeverity> severities = EnumSet.noneOf(AdvisorySeverity.class);
        for (String name : names) {
            for (String part : name.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                severities.add(AdvisorySeverity.parse(part).orElseThrow(() -> new InvalidInputException(
                        Diagnostic.error("--severity", SourceRange.columns(1, 1, 1), "unknown severity \"" + part
                                + "\"").withHint("use UNKNOWN, LOW, MEDIUM, HIGH or CRITICAL"), null)));
            }
        }
        return severities;
    }

    private static Set<String> ignored(Path file) {
        try {
            return IgnoreList.parse(Files.readAllBytes(file), file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new NotFoundException("ignore file " + file + ": no such file", e);
        } catch (IOException e) {
            throw new dev.berth.error.StoreException("reading ignore file " + file + ": " + e.getMessage(), e);
        }
    }
}
