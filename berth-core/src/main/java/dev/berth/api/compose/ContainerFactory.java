package dev.berth.api.compose;

import dev.berth.api.Berth;
import dev.berth.api.ContainerSummary;
import dev.berth.api.HostOptions;
import dev.berth.api.RunRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** Makes and starts one container of a service, named and labelled as Docker Compose does. */
final class ContainerFactory {

    private final Berth berth;
    private final ProjectSpec project;

    ContainerFactory(Berth berth, ProjectSpec project) {
        this.berth = berth;
        this.project = project;
    }

    /** {@code proj-web-1}, or the service's {@code container_name}. */
    String name(ServiceSpec spec, int number) {
        return spec.containerName().orElse(project.name() + "-" + spec.name() + "-" + number);
    }

    /** Created and started; returns once its process runs. */
    ContainerSummary start(ServiceSpec spec, int number, String imageId) {
        String name = name(spec, number);
        Map<String, String> labels = labels(spec, imageId, false);
        labels.put(ComposeLabels.NUMBER, Integer.toString(number));
        return berth.containers().run(request(spec, name, Optional.empty(), Optional.empty(), false),
                Optional.of(name), labels, false);
    }

    /** The labels every container of the service carries; one-off ones say so. */
    Map<String, String> labels(ServiceSpec spec, String imageId, boolean oneoff) {
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.put(ComposeLabels.PROJECT, project.name());
        labels.put(ComposeLabels.SERVICE, spec.name());
        labels.put(ComposeLabels.ONEOFF, oneoff ? "True" : "False");
        labels.put(ComposeLabels.CONFIG_HASH, spec.configHash());
        labels.put(ComposeLabels.WORKING_DIR, project.workingDirectory().toString());
        labels.put(ComposeLabels.CONFIG_FILES, project.configFiles().stream().map(Object::toString)
                .collect(Collectors.joining(",")));
        labels.put(ComposeLabels.DEPENDS_ON, spec.dependsOn().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + e.getValue().condition().word() + ":" + e.getValue().restart())
                .collect(Collectors.joining(",")));
        labels.put(ComposeLabels.IMAGE, imageId);
        labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
        return labels;
    }

    /**
     * The run request for a container of {@code spec}; {@code command} and {@code entrypoint} replace the
     * service's ({@code compose run}), and a one-off container is reached by its name only.
     */
    RunRequest request(ServiceSpec spec, String name, Optional<List<String>> command,
            Optional<List<String>> entrypoint, boolean oneOff) {
        RunRequest.Builder run = RunRequest.builder(spec.image());
        Optional<List<String>> entry = entrypoint.or(spec::entrypoint);
        List<String> cmd = command.or(spec::command).orElse(List.of());
        if (entry.isPresent()) {
            // The façade's entrypoint is one word, as --entrypoint: the rest of the list leads the arguments.
            List<String> words = entry.get();
            run.entrypoint(words.isEmpty() ? "" : words.getFirst());
            List<String> args = new ArrayList<>(words.isEmpty() ? List.of() : words.subList(1, words.size()));
            args.addAll(cmd);
            run.command(args);
        } else {
            run.command(cmd);
        }
        run.env(spec.environment());
        spec.user().ifPresent(run::user);
        spec.workingDir().ifPresent(run::workingDir);
        spec.hostname().ifPresent(run::hostname);
        Optional<String> networkMode = SharedNamespaces.sharedService(spec).isPresent()
                ? SharedNamespaces.networkMode(spec, ProjectState.containers(berth, project.name())) : spec.networkMode();
        run.network(ServiceNetworks.of(spec, networkMode, name, !oneOff));
        HostOptions host = HostOptions.defaults().withMounts(spec.mounts()).withReadOnly(spec.readOnly())
                .withInit(spec.init()).withCapabilities(spec.capAdd(), spec.capDrop()).withCpus(spec.cpus())
                .withPidsLimit(spec.pidsLimit()).withStop(spec.stopSignal(), spec.stopGrace()
                        .map(grace -> OptionalInt.of((int) grace.toSeconds())).orElse(OptionalInt.empty()));
        if (spec.memory().isPresent()) {
            host = host.withMemory(spec.memory(), java.util.OptionalLong.empty());
        }
        run.host(HealthSupport.apply(host, spec));
        return run.build();
    }
}
