package dev.berth.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.sbom.Inventory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scan's report: a table for people, JSON (the schema docs/scan.md gives), or SARIF 2.1.0 with one rule per
 * vulnerability id and one result per affected package.
 */
public final class ScanReportWriter {

    public enum Format { TABLE, JSON, SARIF }

    private ScanReportWriter() {
    }

    public static String write(Format format, Inventory inventory, OsvDatabase database, List<VulnerabilityMatch> matches,
            List<LeakedSecret> secrets) {
        return switch (format) {
            case TABLE -> table(matches) + SecretReport.table(secrets);
            case JSON -> json(inventory, database, matches, secrets);
            case SARIF -> sarif(matches, secrets);
        };
    }

    private static String table(List<VulnerabilityMatch> matches) {
        if (matches.isEmpty()) {
            return "No vulnerabilities found.\n";
        }
        String[] header = {"PACKAGE", "INSTALLED", "SOURCE", "VULNERABILITY", "SEVERITY", "FIXED IN"};
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(header);
        for (VulnerabilityMatch match : matches) {
            String source = match.matchedName().equals(match.found().name()) ? ""
                    : match.matchedName() + " " + match.matchedVersion();
            rows.add(new String[] {match.found().name(), match.found().version(), source, match.id(),
                    match.severity().name(), match.fixed().orElse("(not fixed)")});
        }
        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                out.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 3) + "s", row[i]));
            }
            out.append('\n');
        }
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (AdvisorySeverity severity : AdvisorySeverity.values()) {
            long count = matches.stream().filter(match -> match.severity() == severity).count();
            if (count > 0) {
                bySeverity.put(severity.name(), count);
            }
        }
        out.append('\n').append(matches.size()).append(matches.size() == 1 ? " vulnerability" : " vulnerabilities")
                .append(" (").append(String.join(", ", bySeverity.entrySet().stream()
                        .map(entry -> entry.getKey() + ": " + entry.getValue()).toList())).append(")\n");
        return out.toString();
    }

    private static String json(Inventory inventory, OsvDatabase database, List<VulnerabilityMatch> matches,
            List<LeakedSecret> secrets) {
        ObjectMapper mapper = mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("image", inventory.image().toString());
        root.put("name", inventory.name());
        inventory.distro().ifPresent(distro -> root.put("distro", distro.qualifier()));
        ObjectNode db = root.putObject("database");
        db.put("path", database.path().toString());
        db.put("records", database.records());
        database.newest().ifPresent(newest -> db.put("newest", newest.toString()));
        ArrayNode list = root.putArray("matches");
        for (VulnerabilityMatch match : matches) {
            ObjectNode node = list.addObject();
            node.put("id", match.id());
            match.aliases().forEach(node.withArray("aliases")::add);
            node.put("severity", match.severity().name());
            node.put("package", match.found().name());
            node.put("version", match.found().version());
            node.put("ecosystem", match.ecosystem());
            node.put("matchedName", match.matchedName());
            node.put("matchedVersion", match.matchedVersion());
            match.fixed().ifPresent(fixed -> node.put("fixed", fixed));
            node.put("purl", match.found().purl());
            node.put("layer", match.found().layer().toString());
            node.put("path", match.found().path());
            node.put("summary", match.summary());
        }
        SecretReport.json(root.putArray("secrets"), secrets);
        return text(mapper, root);
    }

    private static String sarif(List<VulnerabilityMatch> matches, List<LeakedSecret> secrets) {
        ObjectMapper mapper = mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "berth");
        driver.put("informationUri", "https://osv.dev/");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (VulnerabilityMatch match : matches) {
            if (ruleIndex.containsKey(match.id())) {
                continue;
            }
            ruleIndex.put(match.id(), ruleIndex.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", match.id());
            rule.putObject("shortDescription").put("text", match.summary().isEmpty() ? match.id() : match.summary());
            ObjectNode properties = rule.putObject("properties");
            properties.putArray("tags").add("vulnerability").add("security");
            properties.put("severity", match.severity().name());
        }
        ArrayNode results = run.putArray("results");
        for (VulnerabilityMatch match : matches) {
            ObjectNode result = results.addObject();
            result.put("ruleId", match.id());
            result.put("ruleIndex", ruleIndex.get(match.id()));
            result.put("level", switch (match.severity()) {
                case CRITICAL, HIGH -> "error";
                case MEDIUM -> "warning";
                case LOW, UNKNOWN -> "note";
            });
            result.putObject("message").put("text", match.found().name() + " " + match.found().version() + ": "
                    + match.id() + match.fixed().map(fixed -> " (fixed in " + fixed + ")").orElse(" (no fix known)"));
            ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation").put("uri", match.found().path().replaceFirst("^/", "")
                    .replace("!/", "/"));
        }
        SecretReport.sarif(rules, results, ruleIndex, secrets);
        return text(mapper, root);
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static String text(ObjectMapper mapper, ObjectNode root) {
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }
}
