package dev.berth.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ids an {@code --ignore-file} names: one id a line ({@code #} starts a comment, as in Trivy's
 * {@code .trivyignore}), or an OpenVEX document, whose statements with status {@code not_affected} or
 * {@code fixed} ignore their vulnerability's name and aliases. Statements are not narrowed to their products:
 * the file is given for this scan.
 */
public final class IgnoreList {

    private IgnoreList() {
    }

    public static Set<String> parse(byte[] bytes, String source) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Set<String> ids = new TreeSet<>();
        if (text.stripLeading().startsWith("{")) {
            JsonNode vex;
            try {
                vex = new ObjectMapper().readTree(bytes);
            } catch (IOException e) {
                throw OsvRecordReader.invalid(source, "not an OpenVEX document: " + e.getMessage());
            }
            for (JsonNode statement : vex.path("statements")) {
                String status = statement.path("status").asText("");
                if (status.equals("not_affected") || status.equals("fixed")) {
                    JsonNode vulnerability = statement.path("vulnerability");
                    addText(ids, vulnerability.isTextual() ? vulnerability : vulnerability.path("name"));
                    vulnerability.path("aliases").forEach(alias -> addText(ids, alias));
                }
            }
            return ids;
        }
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String id = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static void addText(Set<String> ids, JsonNode node) {
        if (node.isTextual() && !node.asText().isBlank()) {
            ids.add(node.asText().strip());
        }
    }
}
