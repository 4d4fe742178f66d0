package dev.berth.api;

import dev.berth.archive.HostPlatform;
import dev.berth.context.BuildContext;
import dev.berth.context.FileKind;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.dockerfile.check.CheckPolicy;
import dev.berth.dockerfile.check.CheckResult;
import dev.berth.dockerfile.check.DockerfileChecker;
import dev.berth.dockerfile.check.Finding;
import dev.berth.dockerfile.check.PredefinedArgs;
import dev.berth.dockerfile.check.Rule;
import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.practice.HadolintSuppressions;
import dev.berth.dockerfile.practice.PracticeCatalog;
import dev.berth.dockerfile.practice.PracticeChecker;
import dev.berth.dockerfile.practice.PracticeFinding;
import dev.berth.dockerfile.practice.PracticeInfo;
import dev.berth.dockerfile.shellcheck.RunScripts;
import dev.berth.dockerfile.shellcheck.ShellCheck;
import dev.berth.dockerfile.shellcheck.ShellCheckResult;
import dev.berth.plan.BuildGraph;
import dev.berth.plan.BuildPlanner;
import dev.berth.plan.PlanChecks;
import dev.berth.plan.SecretBuildArgs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code berth check}: the Dockerfile frontend's diagnostics and BuildKit's checks, what the plan would refuse,
 * then the best-practice rules over the expanded Dockerfile and the context's listing, and ShellCheck on the RUN
 * commands when the request names a {@code shellcheck} program, with hadolint's pragmas and {@code .hadolint.yaml}
 * silencing the rules hadolint shares (and ShellCheck's codes, which hadolint's pragmas take too).
 */
final class DockerfileInspection {

    private DockerfileInspection() {
    }

    static DockerfileCheck check(CheckRequest request) {
        // The host's platform ARGs, as a build on this machine sees them: check and build agree on ${TARGETARCH}.
        PredefinedArgs predefined = PredefinedArgs.building(HostPlatform.platform());
        CheckResult result = new DockerfileChecker(predefined).check(request.source(), request.buildArgs(),
                request.target());
        Optional<CheckPolicy> policy = result.expanded().map(dockerfile -> CheckPolicy.from(dockerfile.directives(),
                Optional.ofNullable(request.buildArgs().get("BUILDKIT_DOCKERFILE_CHECK"))));
        // Started first, so that shellcheck runs while the rules below do; closed on every path, so that a context
        // or a rule that throws leaves no shellcheck process behind.
        try (ShellCheck.Pending shellcheck = result.expanded()
                .filter(dockerfile -> !policy.orElseThrow().skips(List.of(ShellCheckFindings.RULE)))
                .flatMap(dockerfile -> request.shellcheck()
                        .map(program -> new ShellCheck(program).start(RunScripts.of(dockerfile))))
                .orElseGet(ShellCheck.Pending::nothing)) {
            Optional<BuildContext> context = Files.isDirectory(request.context())
                    ? Optional.of(BuildContext.open(request.context(), request.dockerfile()))
                    : Optional.empty();
            HadolintSuppressions suppressions = HadolintSuppressions.read(request.source(),
                    HadolintSuppressions.configIgnored(hadolintConfig(request.context())));
            List<CheckFinding> findings = new ArrayList<>();
            for (Finding finding : result.findings()) {
                boolean silenced = finding.rule().filter(rule -> suppressions.silences(finding.diagnostic().line(),
                        rule.hadolintIds())).isPresent();
                if (!silenced) {
                    findings.add(new CheckFinding(finding.rule().map(Rule::checkName),
                            CheckLevel.valueOf(finding.diagnostic().severity().name()), finding.diagnostic()));
                }
            }
            if (!result.hasErrors()) {
                // What the build would refuse before running anything: sources the context lacks or ignores, bad modes.
                BuildGraph graph = new BuildPlanner(predefined).plan(request.source(), request.buildArgs(),
                        request.target());
                PlanChecks.problems(graph, request.source(), context).stream().map(CheckFinding::unruled)
                        .forEach(findings::add);
                // As the build warns: a secret-looking --build-arg that a RUN sees.
                graph.warnings().stream().filter(SecretBuildArgs::isOne).map(warning -> new CheckFinding(
                        Optional.of(SecretBuildArgs.RULE), CheckLevel.WARNING, warning)).forEach(findings::add);
            }
            if (result.expanded().isPresent()) {
                Dockerfile dockerfile = result.expanded().get();
                List<String> files = context.map(DockerfileInspection::files).orElse(List.of());
                for (PracticeFinding practice : new PracticeChecker(policy.orElseThrow(), suppressions)
                        .check(request.source().name(), dockerfile, request.target(), files)) {
                    findings.add(new CheckFinding(Optional.of(practice.rule().id()),
                            CheckLevel.valueOf(practice.level().name()), practice.diagnostic()));
                }
            }
            ShellCheckResult checked = shellcheck.finish(request.source());
            if (policy.isPresent()) {
                findings.addAll(ShellCheckFindings.of(checked, policy.get(), suppressions, request.source().name()));
            }
            findings.sort(Comparator.comparingInt((CheckFinding finding) -> finding.diagnostic().line())
                    .thenComparing(CheckFinding::level));
            return new DockerfileCheck(findings, result.expanded().isPresent());
        }
    }

    /** BuildKit's checks, then the best-practice rules. */
    static List<CheckRule> rules() {
        Stream<CheckRule> buildkit = Stream.of(Rule.values()).map(rule -> new CheckRule(rule.checkName(),
                rule.hadolintIds(), CheckLevel.WARNING, "BuildKit build check " + rule.checkName(), rule.fix(),
                "One of BuildKit's build checks, with BuildKit's name and semantics; Docker's page explains it: "
                        + rule.url(), rule.url()));
        Stream<CheckRule> practices = PracticeCatalog.rules().stream().map(DockerfileInspection::rule);
        return Stream.of(buildkit, practices, Stream.of(SECRET_BUILD_ARG, ShellCheckFindings.rule()))
                .flatMap(rules -> rules).toList();
    }

    /** The build's warning, which {@code berth check} gives too for the {@code --build-arg}s it is given. */
    private static final CheckRule SECRET_BUILD_ARG = new CheckRule(SecretBuildArgs.RULE, List.of(), CheckLevel.WARNING,
            "A secret-looking build arg reaches a RUN", SecretBuildArgs.FIX,
            "A build arg named like a secret (NPM_TOKEN, AWS_SECRET_ACCESS_KEY, PASSWORD...) and given a value is in"
                    + " the environment of every RUN after its ARG, and BuildKit's history records it there"
                    + " (RUN |1 NPM_TOKEN=... /bin/sh -c ...) for anyone who pulls the image. berth build warns at each"
                    + " such RUN, and berth check with the same --build-arg; the value is never shown. A secret passed"
                    + " with --secret and RUN --mount=type=secret leaves no trace.",
            "https://docs.docker.com/build/building/secrets/");

    private static CheckRule rule(PracticeInfo info) {
        return new CheckRule(info.id(), info.aliases(), CheckLevel.valueOf(info.level().name()), info.title(),
                info.fix(), info.explanation(), info.helpUri());
    }

    private static List<String> files(BuildContext context) {
        return context.list().stream().filter(entry -> entry.type() == FileKind.FILE).map(entry -> entry.path())
                .toList();
    }

    private static String hadolintConfig(Path context) {
        for (String name : List.of(".hadolint.yaml", ".hadolint.yml")) {
            Path config = context.resolve(name);
            if (Files.isRegularFile(config)) {
                try {
                    return Files.readString(config);
                } catch (IOException failure) {
                    throw new dev.berth.error.StoreException("reading hadolint configuration " + config, failure);
                }
            }
        }
        return "";
    }
}
