package dev.berth.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The secrets part of a scan report, in each of {@link ScanReportWriter}'s formats; values only redacted. */
final class SecretReport {

    private SecretReport() {
    }

    static String table(List<LeakedSecret> secrets) {
        if (secrets.isEmpty()) {
            return "No secrets found.\n";
        }
        StringBuilder out = new StringBuilder("\nSECRETS\n");
        for (LeakedSecret secret : secrets) {
            out.append(secret.severity().name()).append("  ").append(secret.rule().name()).append("  ")
                    .append(secret.where()).append(": ").append(secret.location())
                    .append(secret.deleted() ? " (deleted by a later layer, still in the image)" : "")
                    .append("  ").append(secret.redacted()).append('\n');
        }
        out.append('\n').append(secrets.size()).append(secrets.size() == 1 ? " secret\n" : " secrets\n");
        return out.toString();
    }

    static void json(ArrayNode list, List<LeakedSecret> secrets) {
        for (LeakedSecret secret : secrets) {
            ObjectNode node = list.addObject();
            node.put("rule", secret.rule().name());
            node.put("severity", secret.severity().name());
            node.put("where", secret.where());
            node.put("location", secret.location());
            node.put("redacted", secret.redacted());
            node.put("deleted", secret.deleted());
        }
    }

    static void sarif(ArrayNode rules, ArrayNode results, Map<String, Integer> ruleIndex, List<LeakedSecret> secrets) {
        for (LeakedSecret secret : secrets) {
            String id = "secret/" + secret.rule().name();
            if (!ruleIndex.containsKey(id)) {
                ruleIndex.put(id, ruleIndex.size());
                ObjectNode rule = rules.addObject();
                rule.put("id", id);
                rule.putObject("shortDescription").put("text", "a secret in the image: " + secret.rule().name());
                rule.putObject("properties").putArray("tags").add("secret").add("security");
            }
            ObjectNode result = results.addObject();
            result.put("ruleId", id);
            result.put("ruleIndex", ruleIndex.get(id));
            result.put("level", secret.severity().ordinal() >= AdvisorySeverity.HIGH.ordinal() ? "error" : "warning");
            result.putObject("message").put("text", secret.where() + ": " + secret.location() + ": "
                    + secret.redacted() + (secret.deleted() ? " (deleted by a later layer, still in the image)" : ""));
        }
    }
}
