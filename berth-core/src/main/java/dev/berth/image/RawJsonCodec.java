package dev.berth.image;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns a parsed JSON value Berth does not model into compact {@link RawJson}, keeping member order. */
final class RawJsonCodec {

    private RawJsonCodec() {
    }

    static RawJson toRaw(JsonNode node) {
        CanonicalJsonWriter writer = new CanonicalJsonWriter();
        write(node, writer);
        return new RawJson(writer.text());
    }

    private static void write(JsonNode node, CanonicalJsonWriter writer) {
        switch (node.getNodeType()) {
            case OBJECT, POJO -> {
                writer.beginObject();
                node.properties().forEach(entry -> {
                    writer.name(entry.getKey());
                    write(entry.getValue(), writer);
                });
                writer.endObject();
            }
            case ARRAY -> {
                writer.beginArray();
                node.forEach(element -> write(element, writer));
                writer.endArray();
            }
            case STRING, BINARY -> writer.value(node.asText());
            case BOOLEAN -> writer.value(node.booleanValue());
            // Integers keep every digit; other numbers are written from their exact decimal value.
            case NUMBER -> writer.raw(new RawJson(node.isIntegralNumber()
                    ? node.bigIntegerValue().toString()
                    : node.decimalValue().toString()));
            case NULL, MISSING -> writer.raw(new RawJson("null"));
        }
    }
}
