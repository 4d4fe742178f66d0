package dev.berth.api.compose;

import dev.berth.api.Berth;
import dev.berth.api.ContainerSummary;
import dev.berth.api.LogsRequest;
import dev.berth.api.RunRequest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code compose run}: a one-off container of a service, {@code PROJECT-SERVICE-run-<12 hex>}, labelled
 * {@code oneoff=True} so that {@code up} neither keeps nor counts it. Detached under conmon like the others; this
 * process follows its log and gives its exit code (no standard input: Compose's {@code -T}).
 */
final class ProjectOneOff {

    private final Berth berth;
    private final ProjectSpec project;
    private final ComposeProgress progress;

    ProjectOneOff(Berth berth, ProjectSpec project, ComposeProgress progress) {
        this.berth = berth;
        this.project = project;
        this.progress = progress;
    }

    int run(OneOffRun run, ComposeLogSink sink) {
        ServiceSpec spec = project.services().get(run.service());
        ProjectResources resources = new ProjectResources(berth, project, progress);
        resources.networks(java.util.Set.of(spec.name()));
        resources.volumes(java.util.Set.of(spec.name()));
        String imageId = resources.image(spec, false);
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String name = run.name().orElse(project.name() + "-" + spec.name() + "-run-" + HexFormat.of().formatHex(random));
        ContainerFactory factory = new ContainerFactory(berth, project);
        Map<String, String> labels = factory.labels(spec, imageId, true);
        labels.put(ComposeLabels.NUMBER, "1");
        // A one-off container is not reached by its service's name or aliases, only its own, and publishes no
        // ports (Compose's run publishes only with --service-ports, and uses the aliases only with --use-aliases).
        ServiceSpec oneOff = withoutPorts(spec, run.env());
        RunRequest request = factory.request(oneOff, name, run.command().isEmpty() ? Optional.empty()
                : Optional.of(run.command()), run.entrypoint().map(List::of), true);
        ContainerSummary container = berth.containers().run(request, Optional.of(name), labels, false);
        try {
            berth.containers().logs(container.id(), new LogsRequest(true, OptionalInt.empty(), false),
                    (source, bytes) -> sink.write(container, source, bytes));
            return berth.containers().waitFor(container.id());
        } finally {
            if (run.remove()) {
                berth.containers().remove(container.id(), true);
            }
        }
    }

    private static ServiceSpec withoutPorts(ServiceSpec spec, List<String> env) {
        List<String> environment = new ArrayList<>(spec.environment());
        environment.addAll(env);
        return new ServiceSpec(spec.name(), spec.image(), spec.build(), spec.pull(), spec.entrypoint(), spec.command(),
                environment, List.of(), spec.mounts(), spec.dependsOn(), spec.healthcheck(), Optional.empty(),
                spec.networks(), spec.networkMode(), spec.user(), spec.workingDir(), spec.labels(), 1, Optional.empty(),
                spec.hostname(), spec.init(), spec.stopSignal(), spec.stopGrace(), spec.readOnly(), spec.capAdd(),
                spec.capDrop(), spec.extraHosts(), spec.memory(), spec.cpus(), spec.pidsLimit(), spec.configHash());
    }
}
