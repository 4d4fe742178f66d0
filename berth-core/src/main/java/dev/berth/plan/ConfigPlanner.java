package dev.berth.plan;

import dev.berth.dockerfile.instruction.ArgDeclaration;
import dev.berth.dockerfile.instruction.HealthcheckSpec;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.KeyValue;
import dev.berth.dockerfile.instruction.ShellOrExec;
import dev.berth.image.HealthConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ConfigChange} a metadata instruction makes, for a build's steps and for {@code import --change} alike,
 * so a change means what the same line in a Dockerfile means. Takes the instruction with its variables expanded
 * (or, for {@code --change}, as written).
 */
public final class ConfigPlanner {

    private ConfigPlanner() {
    }

    /** @throws IllegalArgumentException for FROM, RUN, COPY and ADD, which change more than the config */
    public static ConfigChange change(Instruction instruction) {
        return switch (instruction) {
            case Instruction.Env env -> new ConfigChange.Env(pairs(env.pairs()));
            case Instruction.Label label -> new ConfigChange.Label(pairs(label.pairs()));
            case Instruction.Cmd cmd -> new ConfigChange.Cmd(command(cmd.command()));
            case Instruction.Entrypoint entrypoint -> new ConfigChange.Entrypoint(command(entrypoint.command()));
            case Instruction.Shell shell -> new ConfigChange.Shell(shell.shell());
            case Instruction.User user -> new ConfigChange.User(user.user());
            case Instruction.Workdir workdir -> new ConfigChange.Workdir(workdir.path());
            case Instruction.Expose expose -> new ConfigChange.Expose(expose.ports());
            case Instruction.Volume volume -> new ConfigChange.Volume(volume.paths());
            case Instruction.StopSignal signal -> new ConfigChange.StopSignal(signal.signal());
            case Instruction.Healthcheck healthcheck -> new ConfigChange.Healthcheck(health(healthcheck.spec()));
            case Instruction.Onbuild onbuild -> new ConfigChange.Onbuild(trigger(onbuild));
            case Instruction.Arg arg -> new ConfigChange.Arg(arg.declarations().stream()
                    .map(ConfigPlanner::declaration).toList());
            case Instruction.Maintainer maintainer -> new ConfigChange.Maintainer(maintainer.name());
            case Instruction.From _, Instruction.Run _, Instruction.Copy _, Instruction.Add _ ->
                    throw new IllegalArgumentException("not a config instruction: "
                            + instruction.location().original());
        };
    }

    /** The command of RUN, CMD, ENTRYPOINT or HEALTHCHECK. */
    static Command command(ShellOrExec command) {
        return switch (command) {
            case ShellOrExec.ExecForm exec -> new Command.Exec(exec.argv());
            case ShellOrExec.ShellForm shell -> new Command.Shell(shell.command());
        };
    }

    /**
     * The trigger as the image records it: the text after the keyword as written (its variables are expanded by
     * the build that runs it, in that build's scope).
     */
    private static String trigger(Instruction.Onbuild onbuild) {
        String text = onbuild.location().original().strip();
        return text.substring(text.indexOf(' ') + 1).strip();
    }

    private static List<ConfigChange.Pair> pairs(List<KeyValue> pairs) {
        return pairs.stream().map(pair -> new ConfigChange.Pair(pair.key(), pair.value())).toList();
    }

    private static ConfigChange.Declaration declaration(ArgDeclaration declaration) {
        return new ConfigChange.Declaration(declaration.name(), declaration.defaultValue());
    }

    /** As BuildKit: an exec form is {@code CMD argv...}, a shell form {@code CMD-SHELL command}; unset times are 0. */
    private static HealthConfig health(HealthcheckSpec spec) {
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

    private static long nanos(Optional<Duration> duration) {
        return duration.map(Duration::toNanos).orElse(0L);
    }
}
