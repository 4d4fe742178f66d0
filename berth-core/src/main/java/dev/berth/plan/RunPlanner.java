package dev.berth.plan;

import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.check.PredefinedArgs;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Mount;
import dev.berth.error.UnsupportedFeatureException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Plans RUN: its command, its network and its mounts, each mount's {@code from} resolved as COPY's. */
final class RunPlanner {

    private RunPlanner() {
    }

    /**
     * @param args what the step sees: its stage's ARGs and the proxy build args
     * @param stages what a {@code from=} names: an earlier stage, else an image
     */
    static Step.RunStep plan(Instruction.Run run, StepPosition at, String text, Map<String, String> args,
            Function<String, CopySource> stages) {
        RunNetwork network = run.network().map(mode -> switch (mode) {
            case DEFAULT -> RunNetwork.DEFAULT;
            case NONE -> RunNetwork.NONE;
            case HOST -> RunNetwork.HOST;
        }).orElse(RunNetwork.DEFAULT);
        List<RunMount> mounts = run.mounts().stream().map(mount -> mount(mount, stages)).toList();
        Set<String> proxies = args.keySet().stream().filter(PredefinedArgs.PROXIES::contains)
                .collect(Collectors.toSet());
        return new Step.RunStep(at, text, args, proxies, ConfigPlanner.command(run.command()), network, mounts);
    }

    /** A bind mount reads the context unless {@code from} says otherwise; a cache mount is seeded only with one. */
    private static RunMount mount(Mount mount, Function<String, CopySource> stages) {
        return switch (mount) {
            case Mount.Bind bind -> new RunMount.Bind(bind.target(), bind.source(),
                    bind.from().map(stages).orElse(new CopySource.Context()), bind.readWrite());
            case Mount.Cache cache -> new RunMount.Cache(cache.target(), cache.id(), sharing(cache.sharing()),
                    cache.from().map(stages), cache.source(), cache.readOnly(), cache.mode(), cache.uid(), cache.gid());
            case Mount.Tmpfs tmpfs -> new RunMount.Tmpfs(tmpfs.target(), tmpfs.size());
            case Mount.Secret secret -> new RunMount.Secret(secret.id(), secret.target(), secret.env(),
                    secret.required(), secret.mode(), secret.uid(), secret.gid());
            case Mount.Ssh ssh -> new RunMount.Ssh(ssh.id(), ssh.target(), ssh.required(), ssh.mode(), ssh.uid(),
                    ssh.gid());
        };
    }

    private static RunMount.Sharing sharing(Mount.Sharing sharing) {
        return switch (sharing) {
            case SHARED -> RunMount.Sharing.SHARED;
            case PRIVATE -> RunMount.Sharing.PRIVATE;
            case LOCKED -> RunMount.Sharing.LOCKED;
        };
    }

    /** SSH agent forwarding is refused before anything runs, for the stages the target needs only. */
    static void refuseSsh(List<PlannedStage> stages, SourceFile source) {
        for (PlannedStage stage : stages) {
            for (Step step : stage.steps()) {
                if (step instanceof Step.RunStep run
                        && run.mounts().stream().anyMatch(mount -> mount instanceof RunMount.Ssh)) {
                    throw new UnsupportedFeatureException(source.name() + ":" + run.position().startLine()
                            + ": RUN --mount=type=ssh is not supported: Berth does not forward an SSH agent into RUN "
                            + "steps yet");
                }
            }
        }
    }
}
