package dev.berth.api;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.instruction.InstructionParser;
import dev.berth.dockerfile.syntax.DockerfileParser;
import dev.berth.dockerfile.syntax.Node;
import dev.berth.dockerfile.syntax.SyntaxTree;
import dev.berth.engine.ConfigApplier;
import dev.berth.error.InvalidInputException;
import dev.berth.image.ContainerConfig;
import dev.berth.plan.ConfigChange;
import dev.berth.plan.ConfigPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code --change} instructions of {@code import}: Dockerfile lines parsed by the real parser, turned into
 * config changes as a build's steps are ({@link ConfigPlanner}) and applied to the container config in order by the
 * build's {@link ConfigApplier}. Docker accepts CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD,
 * STOPSIGNAL, USER, VOLUME and WORKDIR here; anything else is refused, pointing at the change.
 * Variables are not expanded (Docker expands them against the config's ENV; Berth keeps them as written).
 */
record ConfigChanges(List<ConfigChange> changes) {

    private static final Set<String> ALLOWED = Set.of("cmd", "entrypoint", "env", "expose", "label", "onbuild",
            "stopsignal", "user", "volume", "workdir");

    ConfigChanges {
        changes = List.copyOf(changes);
    }

    /** Parses each change as a one-line Dockerfile named {@code --change #N}. */
    static ConfigChanges parse(List<String> changes) {
        List<ConfigChange> parsed = new ArrayList<>();
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
                parsed.add(ConfigPlanner.change(parser.parse(node)));
            }
        }
        return new ConfigChanges(parsed);
    }

    /** The config after the changes, applied by the build's rules ({@link ConfigApplier}). */
    ContainerConfig apply(ContainerConfig base) {
        return ConfigApplier.apply(base, changes);
    }
}
