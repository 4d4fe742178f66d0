package dev.berth.dockerfile.check;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.instruction.DockerfileReader;
import dev.berth.dockerfile.instruction.WordLocator;
import dev.berth.dockerfile.shell.WordExpander;
import dev.berth.dockerfile.syntax.DockerfileParser;
import dev.berth.dockerfile.syntax.SyntaxTree;
import dev.berth.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code berth dockerfile check}: parses a Dockerfile, types its instructions, resolves stages and ARG
 * scoping, expands variables and runs BuildKit's cheap checks, collecting every error and warning
 * instead of stopping at the first. Honours {@code # check=skip=...;error=true} and the
 * {@code BUILDKIT_DOCKERFILE_CHECK} build arg. Never throws for bad input: it reports it.
 */
public final class DockerfileChecker {

    private final PredefinedArgs predefined;

    /** A checker for builds on and for linux/amd64. */
    public DockerfileChecker() {
        this(PredefinedArgs.LINUX_AMD64);
    }

    public DockerfileChecker(PredefinedArgs predefined) {
        this.predefined = predefined;
    }

    /**
     * Checks {@code source} as built with {@code buildArgs} ({@code --build-arg}) and, when present,
     * for the stage {@code target}.
     */
    public CheckResult check(SourceFile source, Map<String, String> buildArgs, Optional<String> target) {
        SyntaxTree tree;
        try {
            tree = new DockerfileParser().parse(source);
        } catch (InvalidInputException invalid) {
            return new CheckResult(invalid.diagnostics(), Optional.empty());
        }
        List<Finding> findings = new ArrayList<>();
        // The linter reports MAINTAINER as MaintainerDeprecated; the parser's own note would repeat it.
        tree.warnings().stream().filter(warning -> !warning.message().startsWith("the MAINTAINER instruction"))
                .forEach(warning -> findings.add(Finding.of(warning)));
        DockerfileReader.Reading reading = new DockerfileReader().read(tree);
        reading.errors().forEach(error -> findings.add(Finding.of(error)));
        Optional<Dockerfile> expanded = reading.dockerfile().map(dockerfile -> {
            WordLocator locator = new WordLocator(source);
            findings.addAll(new StyleLinter(source.name(), locator).lint(dockerfile));
            VariableResolver.Resolution resolution = new VariableResolver(source.name(), locator,
                    new WordExpander(tree.escapeToken()), buildArgs, predefined).resolve(dockerfile);
            findings.addAll(resolution.findings());
            target.filter(name -> dockerfile.stages().stream().noneMatch(stage -> stage.isNamed(name)))
                    .ifPresent(name -> findings.add(Finding.of(Diagnostic.error(source.name(), SourceRange.line(1),
                            "target stage \"" + name + "\" could not be found"))));
            return resolution.expanded();
        });
        CheckPolicy policy = CheckPolicy.from(tree.directives(),
                Optional.ofNullable(buildArgs.get("BUILDKIT_DOCKERFILE_CHECK")));
        List<Diagnostic> diagnostics = findings.stream()
                .flatMap(finding -> policy.apply(finding).stream())
                .sorted(Comparator.comparingInt((Diagnostic diagnostic) -> diagnostic.range().startLine())
                        .thenComparingInt(diagnostic -> diagnostic.range().startColumn())
                        .thenComparing(Diagnostic::severity))
                .toList();
        return new CheckResult(diagnostics, expanded);
    }
}
