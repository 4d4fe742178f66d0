package dev.berth.dockerfile.check;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.instruction.DockerfileReader;
import dev.berth.dockerfile.instruction.WordLocator;
import dev.berth.dockerfile.shell.WordExpander;
import dev.berth.dockerfile.syntax.DockerfileParser;
import dev.berth.dockerfile.syntax.RecoveredTree;
import dev.berth.dockerfile.syntax.SyntaxTree;
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
        RecoveredTree parsed = new DockerfileParser().parseAll(source);
        if (parsed.tree().isEmpty()) {
            return new CheckResult(parsed.errors().stream().map(Finding::of).toList(), Optional.empty(), Optional.empty());
        }
        SyntaxTree tree = parsed.tree().get();
        List<Finding> findings = new ArrayList<>();
        parsed.errors().forEach(error -> findings.add(Finding.of(error)));
        tree.warnings().forEach(warning -> findings.add(Finding.of(warning)));
        findings.addAll(new LegacyFormLinter(source.name()).lint(tree));
        DockerfileReader.Reading reading = new DockerfileReader().read(tree);
        reading.errors().forEach(error -> findings.add(Finding.of(error)));
        Optional<VariableResolver.Resolution> resolved = reading.dockerfile().map(dockerfile -> {
            WordLocator locator = new WordLocator(source);
            findings.addAll(new StyleLinter(source.name(), locator).lint(dockerfile));
            VariableResolver.Resolution resolution = new VariableResolver(source.name(), locator,
                    new WordExpander(tree.escapeToken()), buildArgs, predefined).resolve(dockerfile);
            findings.addAll(resolution.findings());
            target.filter(name -> dockerfile.stages().stream().noneMatch(stage -> stage.isNamed(name)))
                    .ifPresent(name -> findings.add(Finding.of(Diagnostic.error(source.name(), SourceRange.line(1),
                            "target stage \"" + name + "\" could not be found").withHint(stageNames(dockerfile)))));
            return resolution;
        });
        CheckPolicy policy = CheckPolicy.from(tree.directives(),
                Optional.ofNullable(buildArgs.get("BUILDKIT_DOCKERFILE_CHECK")));
        List<Finding> reported = findings.stream()
                .flatMap(finding -> policy.apply(finding).stream())
                .sorted(Comparator.comparingInt((Finding finding) -> finding.diagnostic().range().startLine())
                        .thenComparingInt(finding -> finding.diagnostic().range().startColumn())
                        .thenComparing(finding -> finding.diagnostic().severity()))
                .toList();
        return new CheckResult(reported, resolved.map(VariableResolver.Resolution::expanded),
                resolved.map(VariableResolver.Resolution::args));
    }

    private static String stageNames(Dockerfile dockerfile) {
        List<String> names = dockerfile.stages().stream().flatMap(stage -> stage.name().stream()).toList();
        return names.isEmpty() ? "no stage has a name: name one with FROM ... AS NAME"
                : "the named stages are " + String.join(", ", names);
    }
}
