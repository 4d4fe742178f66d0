package dev.berth.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** A document tree as indented UTF-8 JSON ending in a newline. */
final class DocumentBytes {

    private DocumentBytes() {
    }

    static byte[] of(ObjectMapper mapper, ObjectNode document) {
        try {
            return (mapper.writeValueAsString(document) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }
}
