package dev.berth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.CheckFinding;
import dev.berth.api.CheckLevel;
import dev.berth.api.CheckRule;
import dev.berth.api.DockerfileCheck;
import dev.berth.diagnostic.Diagnostic;
import java.util.List;

/**
 * {@code berth check --format sarif}: a SARIF 2.1.0 log with one run, every rule in {@code tool.driver.rules} and
 * one result per finding. Findings no rule governs (syntax errors, missing sources) have no {@code ruleId}.
 */
final class CheckSarifLog {

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    String render(DockerfileCheck check, List<CheckRule> known) {
        // ShellCheck's codes are open-ended: the ones found are listed after the fixed rules.
        List<CheckRule> rules = java.util.stream.Stream.concat(known.stream(), check.findings().stream()
                .flatMap(finding -> finding.rule().stream()).distinct()
                .filter(id -> known.stream().noneMatch(rule -> rule.id().equals(id)))
                .flatMap(id -> dev.berth.api.SourceTools.checkRule(id).stream())).toList();
        ObjectNode log = json.createObjectNode();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "berth");
        ArrayNode ruleNodes = driver.putArray("rules");
        for (CheckRule rule : rules) {
            ObjectNode node = ruleNodes.addObject();
            node.put("id", rule.id());
            node.put("name", rule.id());
            node.putObject("shortDescription").put("text", rule.title());
            node.putObject("fullDescription").put("text", rule.explanation());
            node.putObject("help").put("text", rule.fix());
            node.put("helpUri", rule.helpUri());
            node.putObject("defaultConfiguration").put("level", level(rule.level()));
            if (!rule.aliases().isEmpty()) {
                ArrayNode aliases = node.putObject("properties").putArray("aliases");
                rule.aliases().forEach(aliases::add);
            }
        }
        ArrayNode results = run.putArray("results");
        for (CheckFinding finding : check.findings()) {
            Diagnostic diagnostic = finding.diagnostic();
            ObjectNode result = results.addObject();
            finding.rule().ifPresent(id -> {
                result.put("ruleId", id);
                int index = indexOf(rules, id);
                if (index >= 0) {
                    result.put("ruleIndex", index);
                }
            });
            result.put("level", level(finding.level()));
            String text = diagnostic.message() + diagnostic.hint().map(hint -> " (fix: " + hint + ")").orElse("");
            result.putObject("message").put("text", text);
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", diagnostic.file());
            ObjectNode region = physical.putObject("region");
            region.put("startLine", diagnostic.range().startLine());
            region.put("startColumn", diagnostic.range().startColumn());
            region.put("endLine", diagnostic.range().endLine());
            region.put("endColumn", Math.max(1, diagnostic.range().endColumn()));
        }
        try {
            return json.writeValueAsString(log);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of plain nodes always serializes", impossible);
        }
    }

    /** SARIF's levels: error, warning, note. */
    static String level(CheckLevel level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static int indexOf(List<CheckRule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
