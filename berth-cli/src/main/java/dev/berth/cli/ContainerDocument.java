package dev.berth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.ContainerDetails;
import dev.berth.api.ContainerHealth;
import dev.berth.api.ContainerSummary;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The object {@code docker inspect} prints for a container, with the members Berth knows: {@code Id},
 * {@code Created}, {@code Path}, {@code Args}, {@code State} (with {@code Health} when there is a healthcheck, as
 * Docker shows it), {@code Image}, {@code Name}, {@code RestartCount}, {@code HostConfig.RestartPolicy} and
 * {@code Config} (its image, labels and healthcheck test).
 */
final class ContainerDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ContainerDocument() {
    }

    static ObjectNode forContainer(ContainerDetails details) {
        ContainerSummary summary = details.summary();
        ObjectNode node = NODES.objectNode();
        node.put("Id", summary.id());
        node.put("Created", GoJson.time(summary.created()));
        node.put("Path", summary.command().isEmpty() ? "" : summary.command().getFirst());
        ArrayNode args = node.putArray("Args");
        summary.command().stream().skip(1).forEach(args::add);
        ObjectNode state = node.putObject("State");
        state.put("Status", summary.state());
        state.put("Running", summary.running());
        state.put("Paused", summary.state().equals("paused"));
        state.put("Restarting", false);
        state.put("OOMKilled", false);
        state.put("Dead", false);
        state.put("Pid", details.pid().orElse(0));
        state.put("ExitCode", summary.exitCode().orElse(0));
        state.put("Error", "");
        state.put("StartedAt", time(details.startedAt()));
        state.put("FinishedAt", time(details.finishedAt()));
        details.health().ifPresent(health -> state.set("Health", health(health)));
        node.put("Image", summary.imageId().toString());
        node.put("Name", "/" + summary.name());
        node.put("RestartCount", details.restartCount());
        ObjectNode host = node.putObject("HostConfig");
        host.put("NetworkMode", summary.network());
        host.putObject("RestartPolicy").put("Name", details.restartPolicy().name())
                .put("MaximumRetryCount", details.restartPolicy().maximumRetryCount());
        ObjectNode config = node.putObject("Config");
        config.put("Image", summary.image());
        if (!details.healthTest().isEmpty()) {
            ArrayNode test = config.putObject("Healthcheck").putArray("Test");
            details.healthTest().forEach(test::add);
        }
        ObjectNode labels = config.putObject("Labels");
        new TreeMap<>(summary.labels()).forEach(labels::put);
        return node;
    }

    /** Docker's {@code State.Health}: {@code Status}, {@code FailingStreak}, {@code Log} of the last five probes. */
    static ObjectNode health(ContainerHealth health) {
        ObjectNode node = NODES.objectNode();
        node.put("Status", health.status());
        node.put("FailingStreak", health.failingStreak());
        ArrayNode log = node.putArray("Log");
        for (ContainerHealth.Probe probe : health.log()) {
            log.addObject().put("Start", GoJson.time(probe.start())).put("End", GoJson.time(probe.end()))
                    .put("ExitCode", probe.exitCode()).put("Output", probe.output());
        }
        return node;
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(GoJson::time).orElse(InspectDocument.ZERO_TIME);
    }
}
