package dev.berth.api;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.InstructionParser;
import dev.berth.dockerfile.instruction.KeyValue;
import dev.berth.dockerfile.instruction.ShellOrExec;
import dev.berth.dockerfile.syntax.DockerfileParser;
import dev.berth.dockerfile.syntax.Node;
import dev.berth.dockerfile.syntax.SyntaxTree;
import dev.berth.error.InvalidInputException;
import dev.berth.image.ContainerConfig;
import dev.berth.image.ContainerConfigBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --change} instructions of {@code import}: Dockerfile lines parsed by the real parser and
 * applied to the container config in order. Docker accepts CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD,
 * STOPSIGNAL, USER, VOLUME and WORKDIR here; anything else is refused, pointing at the change.
 * Variables are not expanded (Docker expands them against the config's ENV; Berth keeps them as written).
 */
record ConfigChanges(List<Instruction> instructions) {

    private static final Set<String> ALLOWED = Set.of("cmd", "entrypoint", "env", "expose", "label", "onbuild",
            "stopsignal", "user", "volume", "workdir");

    ConfigChanges {
        instructions = List.copyOf(instructions);
    }

    /** Parses each change as a one-line Dockerfile named {@code --change #N}. */
    static ConfigChanges parse(List<String> changes) {
        List<Instruction> parsed = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            SourceFile source = new SourceFile("--change #" + (i + 1), changes.get(i));
            SyntaxTree tree = new DockerfileParser().parse(source);
            InstructionParser parser = new InstructionParser(source);
            for (Node node : tree.children()) {
                if (!ALLOWED.contains(node.keyword())) {
                    Diagnostic diagnostic = Diagnostic.error(source.name(),
                            SourceRange.columns(node.startLine(), node.startColumn(),
                                    node.startColumn() + node.keyword().length()),
                            node.keyword().toUpperCase(Locale.ROOT) + " is not a valid change command")
                            .withHint("import accepts CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, "
                                    + "USER, VOLUME and WORKDIR");
                    throw new InvalidInputException(diagnostic, source);
                }
                parsed.add(parser.parse(node));
            }
        }
        return new ConfigChanges(parsed);
    }

    ContainerConfig apply(ContainerConfig base) {
        ContainerConfigBuilder builder = base.toBuilder();
        List<String> env = new ArrayList<>(base.env());
        Map<String, String> labels = new LinkedHashMap<>(base.labels());
        Set<String> ports = new LinkedHashSet<>(base.exposedPorts());
        Set<String> volumes = new LinkedHashSet<>(base.volumes());
        List<String> onBuild = new ArrayList<>(base.onBuild());
        String workingDir = base.workingDir();
        for (Instruction instruction : instructions) {
            switch (instruction) {
                case Instruction.Cmd cmd -> builder.cmd(argv(cmd.command()));
                case Instruction.Entrypoint entrypoint -> builder.entrypoint(argv(entrypoint.command()));
                case Instruction.Env set -> set.pairs().forEach(pair -> putEnv(env, pair));
                case Instruction.Expose expose -> expose.ports().forEach(port ->
                        ports.add(port.contains("/") ? port : port + "/tcp"));
                case Instruction.Label label -> label.pairs().forEach(pair -> labels.put(pair.key(), pair.value()));
                case Instruction.Onbuild trigger -> onBuild.add(
                        trigger.location().original().strip().substring("ONBUILD".length()).strip());
                case Instruction.StopSignal signal -> builder.stopSignal(signal.signal());
                case Instruction.User user -> builder.user(user.user());
                case Instruction.Volume volume -> volumes.addAll(volume.paths());
                case Instruction.Workdir workdir -> workingDir = workdir.path().startsWith("/") ? workdir.path()
                        : (workingDir.isEmpty() ? "/" : workingDir.endsWith("/") ? workingDir : workingDir + "/")
                        + workdir.path();
                case Instruction.From _, Instruction.Run _, Instruction.Shell _, Instruction.Maintainer _,
                     Instruction.Add _, Instruction.Copy _, Instruction.Arg _, Instruction.Healthcheck _ ->
                        throw new IllegalStateException("refused when parsed: " + instruction);
            }
        }
        return builder.env(env).labels(labels).exposedPorts(ports).volumes(volumes).onBuild(onBuild)
                .workingDir(workingDir).build();
    }

    /** A shell form runs through {@code /bin/sh -c}, Docker's default shell on Linux. */
    private static List<String> argv(ShellOrExec command) {
        return switch (command) {
            case ShellOrExec.ShellForm shell -> List.of("/bin/sh", "-c", shell.command());
            case ShellOrExec.ExecForm exec -> exec.argv();
        };
    }

    private static void putEnv(List<String> env, KeyValue pair) {
        String prefix = pair.key() + "=";
        // Replaced in place, as Docker's ENV keeps a variable's position.
        for (int i = 0; i < env.size(); i++) {
            if (env.get(i).startsWith(prefix)) {
                env.set(i, prefix + pair.value());
                return;
            }
        }
        env.add(prefix + pair.value());
    }
}
