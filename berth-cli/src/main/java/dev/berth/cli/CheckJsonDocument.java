package dev.berth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.CheckFinding;
import dev.berth.api.CheckLevel;
import dev.berth.api.DockerfileCheck;
import dev.berth.diagnostic.Diagnostic;

/** {@code berth check --format json}: the schema docs/check.md documents (version 1). */
final class CheckJsonDocument {

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param subject the Dockerfile as named, or the image reference
     * @param image   whether {@code subject} is an image: then {@code image} is set too (and {@code file} is the
     *                same reference, which every finding's {@code file} is)
     */
    String render(DockerfileCheck check, String subject, boolean image) {
        ObjectNode root = json.createObjectNode();
        root.put("version", 1);
        root.put("file", subject);
        if (image) {
            root.put("image", subject);
        }
        root.put("complete", check.complete());
        ArrayNode findings = root.putArray("findings");
        long[] counts = new long[CheckLevel.values().length];
        for (CheckFinding finding : check.findings()) {
            Diagnostic diagnostic = finding.diagnostic();
            ObjectNode node = findings.addObject();
            finding.rule().ifPresentOrElse(rule -> node.put("rule", rule), () -> node.putNull("rule"));
            node.put("level", finding.level().label());
            node.put("file", diagnostic.file());
            node.put("line", diagnostic.range().startLine());
            node.put("column", diagnostic.range().startColumn());
            node.put("endLine", diagnostic.range().endLine());
            node.put("endColumn", diagnostic.range().endColumn());
            node.put("message", diagnostic.message());
            diagnostic.hint().ifPresentOrElse(hint -> node.put("fix", hint), () -> node.putNull("fix"));
            counts[finding.level().ordinal()]++;
        }
        ObjectNode summary = root.putObject("summary");
        for (CheckLevel level : CheckLevel.values()) {
            summary.put(level.label(), counts[level.ordinal()]);
        }
        try {
            return json.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of plain nodes always serializes", impossible);
        }
    }
}
