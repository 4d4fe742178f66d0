package dev.berth.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The errors of a failed distribution response, {@code {"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest
 * unknown","detail":...}]}} (OCI distribution spec, "Error Codes"), or the status alone when the body is not that.
 *
 * @param errors in the registry's order; empty when the body held none
 */
public record RegistryErrorBody(List<Entry> errors) {

    /** One error: the registry's code and message. */
    public record Entry(String code, String message) {}

    public RegistryErrorBody {
        errors = List.copyOf(errors);
    }

    static RegistryErrorBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new RegistryErrorBody(List.of());
        }
        try {
            JsonNode root = new ObjectMapper().readTree(new String(body, StandardCharsets.UTF_8));
            List<Entry> entries = new ArrayList<>();
            if (root != null) {
                // Token servers answer {"details": "..."} or {"error": "..."}; registries {"errors": [...]}.
                for (JsonNode error : root.path("errors")) {
                    entries.add(new Entry(error.path("code").asText(""), error.path("message").asText("")));
                }
                if (entries.isEmpty() && root.path("details").isTextual()) {
                    entries.add(new Entry("", root.path("details").asText()));
                }
                if (entries.isEmpty() && root.path("error").isTextual()) {
                    entries.add(new Entry("", root.path("error").asText()));
                }
            }
            return new RegistryErrorBody(entries);
        } catch (IOException notJson) {
            return new RegistryErrorBody(List.of());
        }
    }

    /** True when the registry said this code (e.g. {@code MANIFEST_UNKNOWN}). */
    public boolean has(String code) {
        return errors.stream().anyMatch(error -> error.code().equals(code));
    }

    /** {@code manifest unknown (MANIFEST_UNKNOWN)}, errors joined by {@code ; }, or empty. */
    public Optional<String> describe() {
        List<String> parts = new ArrayList<>();
        for (Entry error : errors) {
            String message = error.message().isEmpty() ? error.code().toLowerCase().replace('_', ' ') : error.message();
            parts.add(error.code().isEmpty() ? message : message + " (" + error.code() + ")");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }
}
