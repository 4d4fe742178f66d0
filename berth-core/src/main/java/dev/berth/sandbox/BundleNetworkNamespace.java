package dev.berth.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.error.ExecutionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Points a written bundle's {@code linux.namespaces[type=network].path} at another namespace, the rest of
 * {@code config.json} untouched: a container that shares another container's network namespace joins it through
 * {@code /proc/PID/ns/net} of that container's first process, a path that changes whenever that container starts
 * again, so each start of the sharing container writes the current one.
 */
public final class BundleNetworkNamespace {

    private static final ObjectReader READER = new ObjectMapper().reader();
    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    private BundleNetworkNamespace() {
    }

    /**
     * Rewrites the path; written to a temporary file and renamed, so the runtime never reads half a spec.
     *
     * @throws ExecutionException when the bundle has no network namespace entry or cannot be rewritten
     */
    public static void join(Path bundle, Path namespace) {
        Path config = bundle.resolve("config.json");
        try {
            JsonNode spec = READER.readTree(Files.readAllBytes(config));
            ObjectNode entry = null;
            for (JsonNode candidate : spec.path("linux").path("namespaces")) {
                if (candidate instanceof ObjectNode object && "network".equals(candidate.path("type").asText())) {
                    entry = object;
                }
            }
            if (entry == null) {
                throw new ExecutionException(config + " has no network namespace to point at " + namespace);
            }
            entry.put("path", namespace.toString());
            Path temporary = Files.createTempFile(bundle, ".config-", ".json");
            Files.write(temporary, WRITER.writeValueAsBytes(spec));
            Files.move(temporary, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ExecutionException("pointing " + config + " at network namespace " + namespace + ": "
                    + e.getMessage(), e);
        }
    }
}
