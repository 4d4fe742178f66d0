package dev.berth.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.golang.GoTime;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container's {@link HealthState} in {@code health.json} in its directory, in Docker's own shape
 * ({@code {"Status","FailingStreak","Log":[{"Start","End","ExitCode","Output"}]}}). Written to a temporary file,
 * synced and renamed into place, so a monitor killed half-way leaves the last state whole; never makes the
 * container's directory (a removed container stays removed).
 */
public final class HealthStateFile {

    static final String NAME = "health.json";

    private HealthStateFile() {
    }

    public static Path of(ContainerDirectory directory) {
        return directory.path().resolve(NAME);
    }

    /** The last state written; empty when none was (or it cannot be read). */
    public static Optional<HealthState> read(ContainerDirectory directory) {
        try {
            return Optional.of(parse(new ObjectMapper().readTree(Files.readAllBytes(of(directory)))));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Replaces the state: temporary file, synced, renamed. */
    public static void write(ContainerDirectory directory, HealthState state) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = json.createObjectNode();
        node.put("Status", state.status());
        node.put("FailingStreak", state.failingStreak());
        ArrayNode log = node.putArray("Log");
        for (HealthProbe probe : state.log()) {
            log.addObject().put("Start", GoTime.formatTime(probe.start())).put("End", GoTime.formatTime(probe.end()))
                    .put("ExitCode", probe.exitCode()).put("Output", probe.output());
        }
        Path file = of(directory);
        Path temp = file.resolveSibling(".health.json." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.write(temp, json.writeValueAsBytes(node), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static HealthState parse(JsonNode node) {
        List<HealthProbe> probes = new ArrayList<>();
        for (JsonNode probe : node.path("Log")) {
            probes.add(new HealthProbe(time(probe.path("Start")), time(probe.path("End")), probe.path("ExitCode").asInt(),
                    probe.path("Output").asText("")));
        }
        return new HealthState(node.path("Status").asText(), node.path("FailingStreak").asInt(), probes);
    }

    private static Instant time(JsonNode text) {
        return GoTime.parseTime(text.asText()).orElseThrow(() -> new IllegalArgumentException("not a time: " + text));
    }
}
