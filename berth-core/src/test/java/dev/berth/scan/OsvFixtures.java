package dev.berth.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-written OSV records for tests, written as files the way a user's database holds them. */
final class OsvFixtures {

    private OsvFixtures() {
    }

    /** A record with one affected package and one ECOSYSTEM range; {@code extra} is more top-level JSON fields. */
    static String record(String id, String ecosystem, String name, String events, String extra) {
        return "{\"schema_version\":\"1.6.0\",\"id\":\"" + id + "\",\"modified\":\"2026-12-01T00:00:00Z\","
                + "\"summary\":\"" + id + " in " + name + "\"" + (extra.isEmpty() ? "" : "," + extra)
                + ",\"affected\":[{\"package\":{\"ecosystem\":\"" + ecosystem + "\",\"name\":\"" + name + "\"},"
                + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[" + events + "]}]}]}";
    }

    static String fixed(String version) {
        return "{\"introduced\":\"0\"},{\"fixed\":\"" + version + "\"}";
    }

    static void write(Path directory, String id, String json) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(id + ".json"), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
