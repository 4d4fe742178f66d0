package dev.berth.engine;

import dev.berth.dockerfile.instruction.ArgDeclaration;
import dev.berth.dockerfile.instruction.HealthcheckSpec;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.KeyValue;
import dev.berth.dockerfile.instruction.ShellOrExec;
import dev.berth.engine.copy.StagePaths;
import dev.berth.image.ContainerConfig;
import dev.berth.image.ContainerConfigBuilder;
import dev.berth.image.HealthConfig;
import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImagePaths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a metadata instruction to an image config as BuildKit's dockerfile2llb does, with its history
 * entry ({@code empty_layer}, {@code created_by} in BuildKit's words). WORKDIR only changes the config
 * here; {@link StepRunner} makes its directory ({@link StagePaths}). Pure: the same inputs give the same config.
 */
final class ConfigStepExecutor {

    static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    private ConfigStepExecutor() {
    }

    /**
     * The config after {@code instruction}; WORKDIR's history entry is added by the caller with its layer.
     *
     * @param cmdSet whether a CMD came earlier in this stage: ENTRYPOINT resets an inherited CMD only
     */
    static ImageConfig apply(ImageConfig image, Instruction instruction, Optional<Instant> created, boolean cmdSet) {
        ContainerConfig config = image.config();
        ContainerConfigBuilder next = config.toBuilder();
        String history = switch (instruction) {
            case Instruction.Env env -> {
                List<String> entries = new ArrayList<>(config.env());
                for (KeyValue pair : env.pairs()) {
                    setEnv(entries, pair.key(), pair.value());
                }
                next.env(entries);
                yield "ENV " + pairs(env.pairs());
            }
            case Instruction.Label label -> {
                Map<String, String> labels = new LinkedHashMap<>(config.labels());
                label.pairs().forEach(pair -> labels.put(pair.key(), pair.value()));
                next.labels(labels);
                yield "LABEL " + pairs(label.pairs());
            }
            case Instruction.Cmd cmd -> {
                List<String> args = argv(cmd.command(), config);
                next.cmd(args).argsEscaped(true);
                yield "CMD " + goQuoted(args);
            }
            case Instruction.Entrypoint entrypoint -> {
                List<String> args = argv(entrypoint.command(), config);
                // An ENTRYPOINT resets a CMD inherited from the base; a CMD of this stage is kept (cmdSet).
                next.entrypoint(args).argsEscaped(true);
                if (!cmdSet) {
                    next.cmd(List.of());
                }
                yield "ENTRYPOINT " + goQuoted(args);
            }
            case Instruction.Shell shell -> {
                next.shell(shell.shell());
                yield "SHELL [" + String.join(" ", shell.shell()) + "]";
            }
            case Instruction.User user -> {
                next.user(user.user());
                yield "USER " + user.user();
            }
            case Instruction.Workdir workdir -> {
                next.workingDir(workdir(config.workingDir(), workdir.path()));
                yield "WORKDIR " + workdir(config.workingDir(), workdir.path());
            }
            case Instruction.Expose expose -> {
                Set<String> ports = new LinkedHashSet<>(config.exposedPorts());
                List<String> added = expose.ports().stream().map(ConfigStepExecutor::withProtocol).toList();
                ports.addAll(added);
                next.exposedPorts(ports);
                yield "EXPOSE [" + String.join(" ", added) + "]";
            }
            case Instruction.Volume volume -> {
                Set<String> volumes = new LinkedHashSet<>(config.volumes());
                volumes.addAll(volume.paths());
                next.volumes(volumes);
                yield "VOLUME [" + String.join(" ", volume.paths()) + "]";
            }
            case Instruction.StopSignal signal -> {
                next.stopSignal(signal.signal());
                yield "STOPSIGNAL " + signal.signal();
            }
            case Instruction.Healthcheck healthcheck -> {
                HealthConfig health = health(healthcheck.spec(), config);
                next.healthcheck(Optional.of(health));
                yield "HEALTHCHECK " + HealthHistory.format(health);
            }
            case Instruction.Onbuild onbuild -> {
                List<String> triggers = new ArrayList<>(config.onBuild());
                String text = onbuild.location().original().strip();
                triggers.add(text.substring(text.indexOf(' ') + 1).strip());
                next.onBuild(triggers);
                yield "ONBUILD " + triggers.getLast();
            }
            case Instruction.Arg arg -> "ARG " + arg.declarations().stream()
                    .map(ConfigStepExecutor::declaration).collect(Collectors.joining(" "));
            case Instruction.Maintainer maintainer -> {
                image = new ImageConfig(image.created(), maintainer.name(), image.architecture(), image.os(),
                        image.osVersion(), image.osFeatures(), image.variant(), image.config(), image.rootFs(),
                        image.history(), image.extra());
                yield "MAINTAINER " + maintainer.name();
            }
            case Instruction.From _, Instruction.Run _, Instruction.Copy _, Instruction.Add _ ->
                    throw new IllegalArgumentException("not a config instruction: " + instruction.location().original());
        };
        ImageConfig changed = image.withConfig(next.build());
        if (instruction instanceof Instruction.Workdir) {
            return changed;
        }
        return changed.withEmptyLayer(new HistoryEntry(created, history, "", "", true));
    }

    /** The history text of a WORKDIR step, for the caller that adds it with its layer. */
    static String workdirHistory(String previous, String path) {
        return "WORKDIR " + workdir(previous, path);
    }

    /** A relative WORKDIR is taken from the previous one, as {@code path.Join}. */
    static String workdir(String previous, String path) {
        String base = previous.isEmpty() ? "/" : previous;
        String joined = path.startsWith("/") ? path : base + "/" + path;
        return ImagePaths.clean(joined);
    }

    /** The argv of CMD, ENTRYPOINT, RUN: exec form as given, shell form after the image's SHELL. */
    static List<String> argv(ShellOrExec command, ContainerConfig config) {
        return switch (command) {
            case ShellOrExec.ExecForm exec -> exec.argv();
            case ShellOrExec.ShellForm shell -> {
                List<String> args = new ArrayList<>(config.shell().isEmpty() ? DEFAULT_SHELL : config.shell());
                args.add(shell.command());
                yield args;
            }
        };
    }

    static void setEnv(List<String> entries, String key, String value) {
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
        return args.stream().map(GoQuote::quote).collect(Collectors.joining(" ", "[", "]"));
    }

    private static String pairs(List<KeyValue> pairs) {
        return pairs.stream().map(pair -> pair.key() + "=" + pair.value()).collect(Collectors.joining(" "));
    }

    private static String declaration(ArgDeclaration declaration) {
        return declaration.name() + declaration.defaultValue().map(value -> "=" + value).orElse("");
    }

    private static String withProtocol(String port) {
        return port.contains("/") ? port.toLowerCase(java.util.Locale.ROOT) : port + "/tcp";
    }

    private static HealthConfig health(HealthcheckSpec spec, ContainerConfig config) {
        return switch (spec) {
            case HealthcheckSpec.None _ -> new HealthConfig(List.of("NONE"), 0, 0, 0, 0, 0);
            case HealthcheckSpec.Check check -> {
                List<String> test = switch (check.command()) {
                    case ShellOrExec.ExecForm exec -> {
                        List<String> args = new ArrayList<>(List.of("CMD"));
                        args.addAll(exec.argv());
                        yield args;
                    }
                    case ShellOrExec.ShellForm shell -> List.of("CMD-SHELL", shell.command());
                };
                yield new HealthConfig(test, nanos(check.interval()), nanos(check.timeout()),
                        nanos(check.startPeriod()), nanos(check.startInterval()), check.retries().orElse(0));
            }
        };
    }

    private static long nanos(Optional<java.time.Duration> duration) {
        return duration.map(java.time.Duration::toNanos).orElse(0L);
    }
}
