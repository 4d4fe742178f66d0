package dev.berth.api.compose;

import dev.berth.api.Berth;
import dev.berth.api.BuildRequest;
import dev.berth.api.NetworkCreateRequest;
import dev.berth.api.PullRequest;
import dev.berth.api.RunMountRequest;
import dev.berth.api.compose.ProjectSpec.NetworkSpec;
import dev.berth.api.compose.ProjectSpec.VolumeSpec;
import dev.berth.error.NotFoundException;
import dev.berth.event.ProgressListener;
import dev.berth.event.TransferListener;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a project's containers need before they start: its networks and named volumes (made when missing, labelled;
 * external ones must exist) and its images (pulled or built under the service's {@code pull_policy}).
 */
final class ProjectResources {

    private final Berth berth;
    private final ProjectSpec project;
    private final ComposeProgress progress;

    ProjectResources(Berth berth, ProjectSpec project, ComposeProgress progress) {
        this.berth = berth;
        this.project = project;
        this.progress = progress;
    }

    void networks(Set<String> services) {
        Set<String> keys = new LinkedHashSet<>();
        services.forEach(name -> project.services().get(name).networks().forEach(n -> keys.add(n.key())));
        for (String key : keys) {
            NetworkSpec spec = project.networks().get(key);
            String name = spec == null ? project.name() + "_" + key : spec.name();
            if (exists(() -> berth.networks().inspect(name))) {
                continue;
            }
            if (spec != null && spec.external()) {
                throw new NotFoundException("network " + name + " declared as external, but could not be found");
            }
            Map<String, String> labels = new HashMap<>(spec == null ? Map.of() : spec.labels());
            labels.put(ComposeLabels.PROJECT, project.name());
            labels.put(ComposeLabels.NETWORK, key);
            labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
            progress.event("Network", name, "Creating", false);
            berth.networks().create(new NetworkCreateRequest(name, "bridge",
                    spec == null ? Optional.empty() : spec.subnet(), spec == null ? Optional.empty() : spec.gateway(),
                    spec != null && spec.internal(), labels));
            progress.event("Network", name, "Created", true);
        }
    }

    void volumes(Set<String> services) {
        Set<String> names = new LinkedHashSet<>();
        services.forEach(name -> project.services().get(name).mounts().forEach(mount -> {
            if (mount instanceof RunMountRequest.Volume(Optional<String> volume, var target, var ro, var nocopy)) {
                volume.ifPresent(names::add);
            }
        }));
        for (VolumeSpec spec : project.volumes().values()) {
            if (!names.contains(spec.name()) || exists(() -> berth.volumes().inspect(spec.name()))) {
                continue;
            }
            if (spec.external()) {
                throw new NotFoundException("external volume \"" + spec.name() + "\" not found");
            }
            Map<String, String> labels = new HashMap<>(spec.labels());
            labels.put(ComposeLabels.PROJECT, project.name());
            labels.put(ComposeLabels.VOLUME, spec.key());
            labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
            progress.event("Volume", "\"" + spec.name() + "\"", "Creating", false);
            berth.volumes().create(Optional.of(spec.name()), labels);
            progress.event("Volume", "\"" + spec.name() + "\"", "Created", true);
        }
    }

    /** The image ID the service runs, after pulling or building what its policy asks for. */
    String image(ServiceSpec spec, boolean forceBuild) {
        Optional<String> present = imageId(spec.image());
        if (spec.build().isPresent() && (forceBuild || spec.pull() == ServiceSpec.PullPolicyKind.BUILD
                || present.isEmpty())) {
            return build(spec);
        }
        switch (spec.pull()) {
            case ALWAYS -> {
                return pull(spec);
            }
            case NEVER, BUILD -> {
                return present.orElseThrow(() -> new NotFoundException("No such image: " + spec.image()));
            }
            case MISSING -> {
                return present.isPresent() ? present.get() : pull(spec);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    String build(ServiceSpec spec) {
        ServiceSpec.BuildSpec build = spec.build().orElseThrow(() -> new IllegalArgumentException(
                "service " + spec.name() + " has no build section"));
        progress.event("Service", spec.name(), "Building", false);
        BuildRequest.Builder request = BuildRequest.builder(build.context()).buildArgs(build.args())
                .labels(build.labels()).tags(java.util.List.of(spec.image()));
        build.dockerfile().ifPresent(request::dockerfile);
        build.target().ifPresent(request::target);
        String id = berth.build(request.build(), ProgressListener.NONE).imageId().toString();
        progress.event("Service", spec.name(), "Built", true);
        return id;
    }

    String pull(ServiceSpec spec) {
        progress.event("Image", spec.image(), "Pulling", false);
        berth.registries().pull(PullRequest.builder(spec.image()).build(), TransferListener.NONE);
        progress.event("Image", spec.image(), "Pulled", true);
        return imageId(spec.image()).orElseThrow(() -> new NotFoundException("No such image: " + spec.image()));
    }

    Optional<String> imageId(String image) {
        try {
            return Optional.of(berth.inspect(image).id().toString());
        } catch (NotFoundException missing) {
            return Optional.empty();
        }
    }

    private static boolean exists(Runnable lookup) {
        try {
            lookup.run();
            return true;
        } catch (NotFoundException missing) {
            return false;
        }
    }
}
