package dev.berth.plan;

import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.check.PredefinedArgs;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Mount;
import dev.berth.dockerfile.syntax.Heredoc;
import dev.berth.error.UnsupportedFeatureException;
import java.util.ArrayList;
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
        List<RunMount> mounts = new ArrayList<>(run.mounts().stream().map(mount -> mount(mount, stages)).toList());
        Command command = command(run, mounts);
        Set<String> proxies = args.keySet().stream().filter(PredefinedArgs.PROXIES::contains)
                .collect(Collectors.toSet());
        return new Step.RunStep(at, text, args, proxies, command, network, mounts);
    }

    /**
     * The command with its here-documents, as BuildKit's dispatchRun makes it. A command that is only one
     * here-document runs that document: through the shell, or, when it starts with {@code #!}, as a program of its
     * own (an executable file mounted at {@code /dev/pipes/NAME}); its {@code <<-} tabs are stripped and its
     * expansion left to the shell. Any other command with here-documents is given to the shell whole, each
     * document and its delimiter after the command line, so the shell reads them as its own here-documents.
     *
     * @param mounts the step's mounts so far; a {@code #!} document's {@link RunMount.Script} is added to them
     */
    static Command command(Instruction.Run run, List<RunMount> mounts) {
        Command command = ConfigPlanner.command(run.command());
        if (run.heredocs().isEmpty() || !(command instanceof Command.Shell shell)) {
            return command;
        }
        if (run.heredocs().size() == 1 && Heredoc.isMarker(shell.command().strip())) {
            Heredoc only = run.heredocs().getFirst();
            String content = only.chompedContent();
            if (content.startsWith("#!")) {
                String path = "/dev/pipes/" + only.name();
                mounts.add(new RunMount.Script(path, content));
                return new Command.Exec(List.of(path));
            }
            return new Command.Shell(content);
        }
        StringBuilder whole = new StringBuilder(shell.command());
        for (Heredoc heredoc : run.heredocs()) {
            whole.append('\n').append(heredoc.content()).append(heredoc.name());
        }
        return new Command.Shell(whole.toString());
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
