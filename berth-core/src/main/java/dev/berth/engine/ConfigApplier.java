package dev.berth.engine;

import dev.berth.engine.copy.StagePaths;
import dev.berth.golang.GoStrconv;
import dev.berth.image.ContainerConfig;
import dev.berth.image.ContainerConfigBuilder;
import dev.berth.image.HealthConfig;
import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImagePaths;
import dev.berth.image.Platform;
import dev.berth.plan.Command;
import dev.berth.plan.ConfigChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies {@link ConfigChange}s to an image config as BuildKit's dockerfile2llb does, with their history entries
 * ({@code empty_layer}, {@code created_by} in BuildKit's words): for a build's config steps and for
 * {@code berth import --change}, so a change means what the same line in a Dockerfile means (ArgsEscaped aside, as
 * Docker's import leaves it). A relative WORKDIR joins and cleans, EXPOSE lower-cases the protocol, an ENTRYPOINT
 * resets a CMD that no earlier change set. WORKDIR only changes the config here; {@link StepRunner} makes its
 * directory ({@link StagePaths}). Pure: the same inputs give the same config.
 */
public final class ConfigApplier {

    static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    private ConfigApplier() {
    }

    /** The config after {@code changes} in order, as {@code import --change} applies them (no history). */
    public static ContainerConfig apply(ContainerConfig base, List<ConfigChange> changes) {
        ImageConfig image = ImageConfig.empty(Platform.of("linux", "amd64")).withConfig(base);
        boolean cmdSet = false;
        for (ConfigChange change : changes) {
            image = apply(image, change, Optional.empty(), cmdSet);
            cmdSet |= change instanceof ConfigChange.Cmd;
        }
        // Docker's import applies changes with the daemon's builder, which leaves ArgsEscaped unset on Linux;
        // BuildKit sets it for every CMD and ENTRYPOINT.
        return image.config().toBuilder().argsEscaped(base.argsEscaped()).build();
    }

    /**
     * The config after {@code change}; WORKDIR's history entry is added by the caller with its layer.
     *
     * @param cmdSet whether a CMD came earlier in this stage: ENTRYPOINT resets an inherited CMD only
     */
    static ImageConfig apply(ImageConfig image, ConfigChange change, Optional<Instant> created, boolean cmdSet) {
        ContainerConfig config = image.config();
        ContainerConfigBuilder next = config.toBuilder();
        String history = switch (change) {
            case ConfigChange.Env env -> {
                List<String> entries = new ArrayList<>(config.env());
                for (ConfigChange.Pair pair : env.pairs()) {
                    setEnv(entries, pair.key(), pair.value());
                }
                next.env(entries);
                yield "ENV " + pairs(env.pairs());
            }
            case ConfigChange.Label label -> {
                Map<String, String> labels = new LinkedHashMap<>(config.labels());
                label.pairs().forEach(pair -> labels.put(pair.key(), pair.value()));
                next.labels(labels);
                yield "LABEL " + pairs(label.pairs());
            }
            case ConfigChange.Cmd cmd -> {
                List<String> args = argv(cmd.command(), config);
                next.cmd(args).argsEscaped(true);
                yield "CMD " + goQuoted(args);
            }
            case ConfigChange.Entrypoint entrypoint -> {
                List<String> args = argv(entrypoint.command(), config);
                // An ENTRYPOINT resets a CMD inherited from the base; a CMD of this stage is kept (cmdSet).
                next.entrypoint(args).argsEscaped(true);
                if (!cmdSet) {
                    next.cmd(List.of());
                }
                yield "ENTRYPOINT " + goQuoted(args);
            }
            case ConfigChange.Shell shell -> {
                next.shell(shell.shell());
                yield "SHELL [" + String.join(" ", shell.shell()) + "]";
            }
            case ConfigChange.User user -> {
                next.user(user.user());
                yield "USER " + user.user();
            }
            case ConfigChange.Workdir workdir -> {
                next.workingDir(workdir(config.workingDir(), workdir.path()));
                yield "WORKDIR " + workdir(config.workingDir(), workdir.path());
            }
            case ConfigChange.Expose expose -> {
                Set<String> ports = new LinkedHashSet<>(config.exposedPorts());
                List<String> added = expose.ports().stream().map(ConfigApplier::withProtocol).toList();
                ports.addAll(added);
                next.exposedPorts(ports);
                yield "EXPOSE [" + String.join(" ", added) + "]";
            }
            case ConfigChange.Volume volume -> {
                Set<String> volumes = new LinkedHashSet<>(config.volumes());
                volumes.addAll(volume.paths());
                next.volumes(volumes);
                yield "VOLUME [" + String.join(" ", volume.paths()) + "]";
            }
            case ConfigChange.StopSignal signal -> {
                next.stopSignal(signal.signal());
                yield "STOPSIGNAL " + signal.signal();
            }
            case ConfigChange.Healthcheck healthcheck -> {
                HealthConfig health = healthcheck.health();
                next.healthcheck(Optional.of(health));
                yield "HEALTHCHECK " + HealthHistory.format(health);
            }
            case ConfigChange.Onbuild onbuild -> {
                List<String> triggers = new ArrayList<>(config.onBuild());
                triggers.add(onbuild.trigger());
                next.onBuild(triggers);
                yield "ONBUILD " + onbuild.trigger();
            }
            case ConfigChange.Arg arg -> "ARG " + arg.declarations().stream()
                    .map(ConfigApplier::declaration).collect(Collectors.joining(" "));
            case ConfigChange.Maintainer maintainer -> {
                image = new ImageConfig(image.created(), maintainer.name(), image.architecture(), image.os(),
                        image.osVersion(), image.osFeatures(), image.variant(), image.config(), image.rootFs(),
                        image.history(), image.extra());
                yield "MAINTAINER " + maintainer.name();
            }
        };
        ImageConfig changed = image.withConfig(next.build());
        if (change instanceof ConfigChange.Workdir) {
            return changed;
        }
        return changed.withEmptyLayer(new HistoryEntry(created, history, "", "", true));
    }

    /** A relative WORKDIR is taken from the previous one, as {@code path.Join}. */
    static String workdir(String previous, String path) {
        String base = previous.isEmpty() ? "/" : previous;
        String joined = path.startsWith("/") ? path : base + "/" + path;
        return ImagePaths.clean(joined);
    }

    /** The argv of CMD, ENTRYPOINT, RUN: exec form as given, shell form after the image's SHELL. */
    static List<String> argv(Command command, ContainerConfig config) {
        return switch (command) {
            case Command.Exec exec -> exec.argv();
            case Command.Shell shell -> {
                List<String> args = new ArrayList<>(config.shell().isEmpty() ? DEFAULT_SHELL : config.shell());
                args.add(shell.command());
                yield args;
            }
        };
    }

    private static void setEnv(List<String> entries, String key, String value) {
        String entry = key + "=" + value;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).startsWith(key + "=")) {
                entries.set(i, entry);
                return;
            }
        }
        entries.add(entry);
    }

    /** Go's {@code fmt.Sprintf("%q", []string)}: {@code ["a" "b c"]}. */
    static String goQuoted(List<String> args) {
        return args.stream().map(GoStrconv::quote).collect(Collectors.joining(" ", "[", "]"));
    }

    private static String pairs(List<ConfigChange.Pair> pairs) {
        return pairs.stream().map(pair -> pair.key() + "=" + pair.value()).collect(Collectors.joining(" "));
    }

    private static String declaration(ConfigChange.Declaration declaration) {
        return declaration.name() + declaration.defaultValue().map(value -> "=" + value).orElse("");
    }

    private static String withProtocol(String port) {
        return port.contains("/") ? port.toLowerCase(Locale.ROOT) : port + "/tcp";
    }
}
