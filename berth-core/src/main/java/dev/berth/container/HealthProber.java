package dev.berth.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.golang.GoTime;
import dev.berth.image.HealthConfig;
import dev.berth.sandbox.Sandbox;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a container's healthcheck test once, as {@code berth exec} runs a command (the runtime's {@code exec
 * --process} with the container's own process object), its stdout and stderr together, given up after the
 * timeout as Docker gives it up ({@code Health check exceeded timeout (30s)}, exit code -1).
 */
final class HealthProber {

    /** How long a test given up with SIGTERM (which runc passes on) may take before SIGKILL. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(1);

    private final Clock clock;

    HealthProber(Clock clock) {
        this.clock = clock;
    }

    HealthProbe probe(ContainerRecord record, ContainerDirectory directory, HealthConfig config) {
        Instant start = clock.instant();
        Duration timeout = HealthChecks.timeout(config);
        String token = Sandbox.newId().substring(0, 12);
        Path processFile = directory.path().resolve("exec-health-" + token + ".json");
        Path output = directory.path().resolve("health-" + token + ".out");
        try {
            var spec = new ExecSpec(HealthChecks.command(config), List.of(), Optional.empty(), Optional.empty(), false,
                    false);
            Files.write(processFile, new ObjectMapper().writeValueAsBytes(ContainerExec.process(directory, spec)));
            Process process = new ProcessBuilder(record.runtime().executable().toString(), "--root",
                    record.runtime().stateRoot().toString(), "exec", "--process", processFile.toString(), record.id())
                    .redirectInput(Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                process.destroy();
                if (!process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
                return new HealthProbe(start, clock.instant(), -1,
                        "Health check exceeded timeout (" + GoTime.durationString(timeout.toNanos()) + ")");
            }
            return new HealthProbe(start, clock.instant(), process.exitValue(), read(output));
        } catch (IOException | RuntimeException e) {
            return new HealthProbe(start, clock.instant(), -1, "healthcheck could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HealthProbe(start, clock.instant(), -1, "healthcheck interrupted");
        } finally {
            deleteQuietly(processFile);
            deleteQuietly(output);
        }
    }

    private static String read(Path output) throws IOException {
        byte[] bytes = Files.readAllBytes(output);
        int length = Math.min(bytes.length, HealthProbe.MAX_OUTPUT);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Removed with the container's directory.
        }
    }
}
