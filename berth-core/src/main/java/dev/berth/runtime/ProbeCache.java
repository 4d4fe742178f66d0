package dev.berth.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Probe answers kept across processes, so each {@code berth} command does not run a probe container again. An
 * answer holds while the binary (path, size, modification time) and the kernel release are the same; the file
 * lives under the runtime state directory, on {@code /run}, so a reboot forgets it too. A missing or unreadable
 * file just means probing again.
 */
final class ProbeCache {

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();

    ProbeCache(Path file) {
        this.file = file;
    }

    /** The answer recorded for this runtime binary, if it is still valid. */
    Optional<RuntimeProbe> lookup(String name, Path executable) {
        Map<String, JsonNode> entries = read();
        JsonNode entry = entries.get(name);
        // An entry written before Berth asked about seccomp is stale: probe again rather than guess.
        if (entry == null || !entry.has("seccomp") || !entry.path("fingerprint").asText().equals(fingerprint(executable))) {
            return Optional.empty();
        }
        return Optional.of(new RuntimeProbe(name, Optional.of(executable), entry.path("version").asText(),
                entry.path("works").asBoolean(), entry.path("detail").asText(), entry.path("seccomp").asBoolean()));
    }

    /** Records the answers for installed runtimes; best effort, since the cache only saves time. */
    void store(List<RuntimeProbe> probes) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("probes");
        for (RuntimeProbe probe : probes) {
            probe.executable().ifPresent(executable -> array.addObject()
                    .put("name", probe.name())
                    .put("fingerprint", fingerprint(executable))
                    .put("version", probe.version())
                    .put("works", probe.works())
                    .put("detail", probe.detail())
                    .put("seccomp", probe.seccomp()));
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".probes-", ".json");
            mapper.writeValue(temporary.toFile(), root);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.getLogger(ProbeCache.class.getName())
                    .log(System.Logger.Level.DEBUG, "not caching runtime probes in " + file + ": " + e.getMessage());
        }
    }

    private Map<String, JsonNode> read() {
        var entries = new HashMap<String, JsonNode>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            for (JsonNode entry : mapper.readTree(file.toFile()).path("probes")) {
                entries.put(entry.path("name").asText(), entry);
            }
        } catch (IOException unreadable) {
            entries.clear();
        }
        return entries;
    }

    /** What must stay the same for an answer to hold. */
    static String fingerprint(Path executable) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(executable, BasicFileAttributes.class);
            String kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
            return "%s|%d|%d|%s".formatted(executable.toRealPath(), attributes.size(),
                    attributes.lastModifiedTime().toMillis(), kernel);
        } catch (IOException e) {
            return "unknown:" + e.getMessage();
        }
    }
}
