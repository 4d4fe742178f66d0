package dev.berth.dockerfile.syntax;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.berth.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Prints a tree as JSON for tools: {@code {"escape", "directives": [{"name","value","line"}],
 * "instructions": [{"keyword","flags","args","json","startLine","endLine","heredocs":[{"name",
 * "fileDescriptor","expand","chomp","content"}],"child": {...} | null}], "warnings": [{"line","message"}]}},
 * indented, with a final newline.
 */
public final class SyntaxTreeJsonDumper {

    private final JsonFactory factory = new JsonFactory();

    public String dump(SyntaxTree tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            json.writeStartObject();
            json.writeStringField("escape", String.valueOf(tree.escapeToken()));
            json.writeArrayFieldStart("directives");
            for (Directive directive : tree.directives()) {
                json.writeStartObject();
                json.writeStringField("name", directive.name());
                json.writeStringField("value", directive.value());
                json.writeNumberField("line", directive.line());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("instructions");
            for (Node node : tree.children()) {
                writeNode(json, node);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("warnings");
            for (Diagnostic warning : tree.warnings()) {
                json.writeStartObject();
                json.writeNumberField("line", warning.line());
                json.writeStringField("message", warning.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing JSON to memory", impossible);
        }
        return out.append('\n').toString();
    }

    /** ONBUILD nesting is capped by the parser, so this recursion is shallow. */
    private static void writeNode(JsonGenerator json, Node node) throws IOException {
        json.writeStartObject();
        json.writeStringField("keyword", node.keyword());
        writeStrings(json, "flags", node.flags());
        writeStrings(json, "args", node.args());
        json.writeBooleanField("json", node.json());
        json.writeNumberField("startLine", node.startLine());
        json.writeNumberField("endLine", node.endLine());
        json.writeArrayFieldStart("heredocs");
        for (Heredoc heredoc : node.heredocs()) {
            json.writeStartObject();
            json.writeStringField("name", heredoc.name());
            json.writeNumberField("fileDescriptor", heredoc.fileDescriptor());
            json.writeBooleanField("expand", heredoc.expand());
            json.writeBooleanField("chomp", heredoc.chomp());
            json.writeStringField("content", heredoc.content());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeFieldName("child");
        if (node.child().isPresent()) {
            writeNode(json, node.child().get());
        } else {
            json.writeNull();
        }
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
