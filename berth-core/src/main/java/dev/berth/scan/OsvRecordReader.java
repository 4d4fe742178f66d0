package dev.berth.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads OSV JSON (schema 1.x): one record per file, or an array of them. Only what matching and reports use;
 * unknown fields are ignored, as the schema asks. PyPI names are normalized (PEP 503) so they compare as pip does.
 */
final class OsvRecordReader {

    private final ObjectMapper mapper = new ObjectMapper();

    List<OsvAdvisory> read(byte[] json, String source) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw invalid(source, "not JSON: " + e.getMessage());
        }
        List<OsvAdvisory> advisories = new ArrayList<>();
        if (root != null && root.isArray()) {
            for (JsonNode node : root) {
                advisories.add(advisory(node, source));
            }
        } else if (root != null && root.isObject()) {
            advisories.add(advisory(root, source));
        } else {
            throw invalid(source, "an OSV record is a JSON object");
        }
        return advisories;
    }

    private OsvAdvisory advisory(JsonNode node, String source) {
        String id = node.path("id").asText("");
        if (id.isEmpty()) {
            throw invalid(source, "an OSV record needs an \"id\"");
        }
        List<String> aliases = new ArrayList<>();
        node.path("aliases").forEach(alias -> aliases.add(alias.asText()));
        String summary = node.path("summary").asText("");
        if (summary.isEmpty()) {
            summary = node.path("details").asText("").lines().findFirst().orElse("");
        }
        List<OsvAdvisory.Affected> affected = new ArrayList<>();
        for (JsonNode entry : node.path("affected")) {
            String ecosystem = entry.path("package").path("ecosystem").asText("");
            String name = entry.path("package").path("name").asText("");
            if (ecosystem.equals("PyPI")) {
                name = name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            }
            List<OsvAdvisory.Range> ranges = new ArrayList<>();
            for (JsonNode range : entry.path("ranges")) {
                List<OsvAdvisory.Event> events = new ArrayList<>();
                for (JsonNode event : range.path("events")) {
                    for (OsvAdvisory.Event.Kind kind : OsvAdvisory.Event.Kind.values()) {
                        JsonNode version = event.get(kind.name().toLowerCase(Locale.ROOT));
                        if (version != null && version.isTextual()) {
                            events.add(new OsvAdvisory.Event(kind, version.asText()));
                        }
                    }
                }
                ranges.add(new OsvAdvisory.Range(range.path("type").asText(""), events));
            }
            List<String> versions = new ArrayList<>();
            entry.path("versions").forEach(version -> versions.add(version.asText()));
            AdvisorySeverity severity = word(entry.path("ecosystem_specific").path("severity"))
                    .or(() -> word(entry.path("database_specific").path("severity")))
                    .orElse(AdvisorySeverity.UNKNOWN);
            affected.add(new OsvAdvisory.Affected(ecosystem, name, ranges, versions, severity));
        }
        return new OsvAdvisory(id, time(node.path("modified"), source), time(node.path("withdrawn"), source), aliases,
                summary, severity(node), affected, source);
    }

    private static AdvisorySeverity severity(JsonNode node) {
        Optional<AdvisorySeverity> word = word(node.path("database_specific").path("severity"));
        if (word.isPresent()) {
            return word.get();
        }
        double best = 0;
        for (JsonNode severity : node.path("severity")) {
            if (severity.path("type").asText("").startsWith("CVSS_V3")) {
                best = Math.max(best, CvssV3.baseScore(severity.path("score").asText("")).orElse(0));
            }
        }
        return AdvisorySeverity.ofScore(best);
    }

    private static Optional<AdvisorySeverity> word(JsonNode node) {
        return node.isTextual() ? AdvisorySeverity.parse(node.asText()) : Optional.empty();
    }

    private static Optional<Instant> time(JsonNode node, String source) {
        if (!node.isTextual() || node.asText().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(node.asText()));
        } catch (DateTimeParseException e) {
            throw invalid(source, "\"" + node.asText() + "\" is not an RFC 3339 time");
        }
    }

    static InvalidInputException invalid(String source, String message) {
        return new InvalidInputException(Diagnostic.error(source, SourceRange.columns(1, 1, 1), message), null);
    }
}
