package dev.berth.engine;

import dev.berth.engine.mount.MountResolver;
import dev.berth.error.ExecutionException;
import dev.berth.error.StoreException;
import dev.berth.image.ContainerConfig;
import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageConfig;
import dev.berth.image.LayerRef;
import dev.berth.plan.Step;
import dev.berth.sandbox.SandboxNetwork;
import dev.berth.sandbox.SandboxProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One RUN step on a cache miss: its process (the stage's shell, env, user and working directory, the visible
 * build args), its log, its {@code --mount}s resolved for the step and released after it, the injected
 * {@link RunStepExecutor} that runs it and makes the layer, and BuildKit's history line.
 */
final class RunStepRunner {

    private final EngineParts parts;
    private final BuildOptions options;
    private final MountResolver.Sources sources;

    RunStepRunner(EngineParts parts, BuildOptions options, MountResolver.Sources sources) {
        this.parts = parts;
        this.options = options;
        this.sources = sources;
    }

    StepRunner.Outcome run(Step.RunStep run, StageState state, int number, Runnable beforeLayerWrite) {
        ContainerConfig config = state.config().config();
        List<String> argv = ConfigApplier.argv(run.command(), config);
        List<String> env = new ArrayList<>(config.env());
        run.args().forEach((name, value) -> {
            if (env.stream().noneMatch(entry -> entry.startsWith(name + "="))) {
                env.add(name + "=" + value);
            }
        });
        String workingDir = config.workingDir().isEmpty() ? "/" : config.workingDir();
        Path logFile = options.work().resolve("logs").resolve("step-" + number + ".log");
        Optional<LayerRef> layer;
        RunLog log;
        try {
            Files.createDirectories(logFile.getParent());
            log = new RunLog(Files.newOutputStream(logFile), options.listener(), number);
        } catch (IOException e) {
            throw new StoreException("creating the log of step " + number + " at " + logFile, e);
        }
        MountResolver mounts = new MountResolver(parts.cacheMounts(), options.secrets(), sources,
                options.work().resolve("mounts").resolve("step-" + number));
        try (RunLog output = log; MountResolver.Resolved resolved = mounts.resolve(run.mounts(), workingDir)) {
            List<String> stepEnv = new ArrayList<>(env);
            stepEnv.addAll(resolved.env());
            layer = parts.runs().run(new RunInvocation(state.layers(),
                    new SandboxProcess(argv, stepEnv, config.user(), workingDir), network(run), resolved.mounts(), output,
                    options.sourceDateEpoch(), beforeLayerWrite));
        } catch (ExecutionException failed) {
            throw StepFailures.runFailed(options.dockerfile(), run.position(), failed,
                    lastLines(log) + "\nfull output: " + logFile);
        } catch (IOException e) {
            throw new StoreException("writing the log of step " + number, e);
        }
        // BuildKit's runCommandString: the stage's ARGs that no ENV overrides; proxy args stay out of history.
        List<String> shown = run.args().entrySet().stream()
                .filter(entry -> !run.proxyArgs().contains(entry.getKey()))
                .filter(entry -> config.env().stream().noneMatch(e -> e.startsWith(entry.getKey() + "=")))
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
        String args = shown.isEmpty() ? "" : "|" + shown.size() + " " + String.join(" ", shown) + " ";
        HistoryEntry history = new HistoryEntry(Optional.of(options.created()),
                "RUN " + args + String.join(" ", argv) + " # buildkit", "", "", layer.isEmpty());
        ImageConfig next = layer.map(made -> state.config().withLayer(made.diffId(), history))
                .orElseGet(() -> state.config().withEmptyLayer(history));
        return new StepRunner.Outcome(next, layer);
    }

    private static String lastLines(RunLog log) {
        List<String> lines = log.lastLines();
        return lines.isEmpty() ? "" : "\nlast output:\n  " + String.join("\n  ", lines);
    }

    /** Docker's legacy builder runs RUN on the host's network unless {@code --network=none}. */
    private static SandboxNetwork network(Step.RunStep run) {
        return switch (run.network()) {
            case DEFAULT, HOST -> SandboxNetwork.HOST;
            case NONE -> SandboxNetwork.NONE;
        };
    }
}
