package dev.berth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.ContainerConfigFacts;
import dev.berth.api.ContainerDetails;
import dev.berth.api.ContainerHealth;
import dev.berth.api.ContainerSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The object {@code docker inspect} prints for a container: Docker 20.10's {@code types.ContainerJSON}, member for
 * member in Docker's order. What Berth has no fact for carries Docker's zero value ({@code ""}, {@code 0},
 * {@code false}, {@code null}), never an invented one. {@code HostConfig} is {@link ContainerHostDocument},
 * {@code NetworkSettings} {@link ContainerNetworkDocument}.
 */
final class ContainerDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ContainerDocument() {
    }

    static ObjectNode forContainer(ContainerDetails details) {
        ContainerSummary summary = details.summary();
        ContainerConfigFacts facts = details.config();
        ObjectNode node = NODES.objectNode();
        node.put("Id", summary.id());
        node.put("Created", GoJson.time(summary.created()));
        node.put("Path", summary.command().isEmpty() ? "" : summary.command().getFirst());
        ArrayNode args = node.putArray("Args");
        summary.command().stream().skip(1).forEach(args::add);
        node.set("State", state(details));
        node.put("Image", summary.imageId().toString());
        node.put("ResolvConfPath", "");
        node.put("HostnamePath", "");
        node.put("HostsPath", "");
        node.put("LogPath", "");
        node.put("Name", "/" + summary.name());
        node.put("RestartCount", details.restartCount());
        node.put("Driver", "");
        node.put("Platform", "linux");
        node.put("MountLabel", "");
        node.put("ProcessLabel", "");
        node.put("AppArmorProfile", "");
        node.putNull("ExecIDs");
        node.set("HostConfig", ContainerHostDocument.hostConfig(details));
        node.putObject("GraphDriver").putNull("Data").put("Name", "");
        node.set("Mounts", mounts(facts.mounts()));
        node.set("Config", config(details));
        node.set("NetworkSettings", ContainerNetworkDocument.networkSettings(details));
        return node;
    }

    private static ObjectNode state(ContainerDetails details) {
        ContainerSummary summary = details.summary();
        ObjectNode state = NODES.objectNode();
        state.put("Status", summary.state());
        state.put("Running", summary.running());
        state.put("Paused", summary.state().equals("paused"));
        state.put("Restarting", summary.restarting());
        state.put("OOMKilled", false);
        state.put("Dead", false);
        state.put("Pid", details.pid().orElse(0));
        state.put("ExitCode", summary.exitCode().orElse(0));
        state.put("Error", "");
        state.put("StartedAt", time(details.startedAt()));
        state.put("FinishedAt", time(details.finishedAt()));
        details.health().ifPresent(health -> state.set("Health", health(health)));
        return state;
    }

    /** Docker's {@code Mounts}: binds and volumes ({@code --tmpfs} mounts are in {@code HostConfig.Tmpfs} only). */
    private static ArrayNode mounts(List<ContainerConfigFacts.Mount> mounts) {
        ArrayNode array = NODES.arrayNode();
        for (ContainerConfigFacts.Mount mount : mounts) {
            if (mount.type().equals("tmpfs")) {
                continue;
            }
            ObjectNode entry = array.addObject();
            entry.put("Type", mount.type());
            boolean volume = mount.type().equals("volume");
            if (volume) {
                entry.put("Name", mount.name());
            }
            entry.put("Source", mount.source());
            entry.put("Destination", mount.destination());
            if (volume) {
                entry.put("Driver", "local");
            }
            // Docker's -v modes: "z" for a volume, "" for a bind, whose propagation is rprivate.
            entry.put("Mode", volume ? "z" : "");
            entry.put("RW", !mount.readOnly());
            entry.put("Propagation", volume ? "" : "rprivate");
        }
        return array;
    }

    private static ObjectNode config(ContainerDetails details) {
        ContainerSummary summary = details.summary();
        ContainerConfigFacts facts = details.config();
        ObjectNode config = NODES.objectNode();
        config.put("Hostname", facts.hostname());
        config.put("Domainname", "");
        config.put("User", facts.user());
        config.put("AttachStdin", false);
        config.put("AttachStdout", false);
        config.put("AttachStderr", false);
        if (!facts.exposedPorts().isEmpty()) {
            ObjectNode exposed = config.putObject("ExposedPorts");
            facts.exposedPorts().forEach(exposed::putObject);
        }
        config.put("Tty", facts.tty());
        config.put("OpenStdin", false);
        config.put("StdinOnce", false);
        strings(config, "Env", facts.env());
        strings(config, "Cmd", facts.command().map(ContainerConfigFacts.Command::cmd).orElse(summary.command()));
        if (!details.healthTest().isEmpty()) {
            ArrayNode test = config.putObject("Healthcheck").putArray("Test");
            details.healthTest().forEach(test::add);
        }
        config.put("Image", summary.image());
        List<ContainerConfigFacts.Mount> anonymous = facts.mounts().stream()
                .filter(mount -> mount.anonymous()).toList();
        if (anonymous.isEmpty()) {
            config.putNull("Volumes");
        } else {
            ObjectNode volumes = config.putObject("Volumes");
            anonymous.forEach(mount -> volumes.putObject(mount.destination()));
        }
        config.put("WorkingDir", facts.workingDir());
        strings(config, "Entrypoint", facts.command().map(ContainerConfigFacts.Command::entrypoint).orElse(List.of()));
        config.putNull("OnBuild");
        ObjectNode labels = config.putObject("Labels");
        new TreeMap<>(summary.labels()).forEach(labels::put);
        if (!facts.stopSignal().isEmpty()) {
            config.put("StopSignal", facts.stopSignal());
        }
        facts.stopTimeout().ifPresent(timeout -> config.put("StopTimeout", timeout));
        return config;
    }

    /** A Go {@code []string}: {@code null} when empty, as Docker prints an unset one. */
    static void strings(ObjectNode parent, String name, List<String> values) {
        if (values.isEmpty()) {
            parent.putNull(name);
        } else {
            ArrayNode array = parent.putArray(name);
            values.forEach(array::add);
        }
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
