package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.CheckLevel;
import dev.berth.api.CheckRequest;
import dev.berth.api.CheckRule;
import dev.berth.api.DockerfileCheck;
import dev.berth.api.SourceTools;
import dev.berth.diagnostic.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import dev.berth.error.NotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth check}: BuildKit's build checks and the best-practice rules over a Dockerfile, without building.
 * Exits 0 when nothing reaches {@code --fail-level}, 1 when something does, 2 when the Dockerfile could not be
 * checked (unreadable, or syntax that stops parsing). {@code berth dockerfile check} is the same command.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Checks a Dockerfile without building it: syntax, stages, ARG scoping, BuildKit's build checks"
                + " and best practices (pinned bases and packages, layer hygiene, copy order, non-root user, secrets,"
                + " healthchecks). Exits 0 when clean at the fail level, 1 on findings, 2 when it could not check.")
sealed class CheckCommand implements Callable<Integer> permits DockerfileCheckCommand {

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "The Dockerfile (default: CONTEXT/Dockerfile; - reads standard input).")
    String file;

    @Option(names = "--build-arg", paramLabel = "K=V",
            description = "A build argument; K alone takes the value of the environment variable K.")
    List<String> buildArgs = List.of();

    @Option(names = "--target", paramLabel = "STAGE", description = "The stage that would be built.")
    String target;

    @Option(names = "--format", paramLabel = "human|json|sarif", defaultValue = "human",
            description = "How findings are printed (default: ${DEFAULT-VALUE}); json and sarif go to standard output.")
    String format;

    @Option(names = "--fail-level", paramLabel = "error|warning|info", defaultValue = "error",
            description = "The least level that makes the check exit 1 (default: ${DEFAULT-VALUE}).")
    String failLevel;

    @Option(names = "--explain", paramLabel = "RULE",
            description = "Explain a rule (its id or a hadolint id such as DL3008) and exit.")
    String explain;

    @Option(names = "--image",
            description = "Check the argument as an image in the store even when a path of that name exists.")
    boolean image;

    @Mixin
    BerthOptions berth;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONTEXT|IMAGE", defaultValue = ".",
            description = "The build context directory (default: the current directory); when no such path exists"
                    + " and it is not written as a path (/, ./, ../), or with --image, an image in the store,"
                    + " checked for what only the image shows.")
    Path context;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (explain != null) {
            return explain(out, err);
        }
        CheckLevel level;
        try {
            level = CheckLevel.valueOf(failLevel.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            err.println("berth check: --fail-level must be error, warning or info, not \"" + failLevel + "\"");
            return 2;
        }
        if (!List.of("human", "json", "sarif").contains(format)) {
            err.println("berth check: --format must be human, json or sarif, not \"" + format + "\"");
            return 2;
        }
        if (image || file == null && namesImage(context)) {
            return checkImage(context.toString(), level, out, err);
        }
        Optional<SourceFile> source = read(err);
        if (source.isEmpty()) {
            return 2;
        }
        DockerfileCheck check = run(source.get(), buildArgs, target, file, context);
        switch (format) {
            case "json" -> out.println(new CheckJsonDocument().render(check, source.get().name(), false));
            case "sarif" -> out.println(new CheckSarifLog().render(check, SourceTools.checkRules()));
            default -> CheckCommand.human(check, source.get(), out, err);
        }
        out.flush();
        err.flush();
        if (!check.complete()) {
            return 2;
        }
        return check.fails(level) ? 1 : 0;
    }

    /**
     * {@code berth check IMAGE}: an argument naming no path (or {@code --image}) is an image reference; one that
     * names no image either cannot be checked (exit 2).
     */
    private int checkImage(String reference, CheckLevel level, PrintWriter out, PrintWriter err) {
        if (file != null || target != null || !buildArgs.isEmpty()) {
            err.println("berth check: -f, --target and --build-arg apply to a Dockerfile, not to image " + reference);
            err.flush();
            return 2;
        }
        DockerfileCheck check;
        try (Berth store = berth.open()) {
            check = store.checkImage(reference);
        } catch (NotFoundException missing) {
            err.println("berth check: " + reference + " is neither a path nor an image in the store: "
                    + missing.getMessage());
            err.flush();
            return 2;
        }
        switch (format) {
            case "json" -> out.println(new CheckJsonDocument().render(check, reference, true));
            case "sarif" -> out.println(new CheckSarifLog().render(check, SourceTools.checkRules()));
            default -> {
                for (dev.berth.api.CheckFinding finding : check.findings()) {
                    err.println(reference + ": " + finding.level().label() + ": " + finding.diagnostic().message());
                    finding.diagnostic().hint().ifPresent(hint -> err.println("  = hint: " + hint));
                }
                err.flush();
                out.println(summary(check));
            }
        }
        out.flush();
        return check.fails(level) ? 1 : 0;
    }

    /**
     * Which wins: an existing path is a context; so is anything written as a path ({@code /...}, {@code ./...},
     * {@code ../...}, {@code .}), which no image reference can be; anything else names an image.
     */
    static boolean namesImage(Path argument) {
        String text = argument.toString();
        boolean pathLike = text.equals(".") || text.equals("..") || text.startsWith("/") || text.startsWith("./")
                || text.startsWith("../");
        return !pathLike && !Files.exists(argument);
    }

    /** {@code N errors, M warnings, K infos}. */
    static String summary(DockerfileCheck check) {
        long infos = check.findings().stream().filter(finding -> finding.level() == CheckLevel.INFO).count();
        return check.errors() + " errors, " + (check.warnings() - infos) + " warnings, " + infos + " infos";
    }

    /** The check of {@code source}, as {@code berth check} and {@code berth build --check} run it. */
    static DockerfileCheck run(SourceFile source, List<String> buildArgs, String target, String file, Path context) {
        CheckRequest.Builder request = CheckRequest.builder(source).buildArgs(pairs(buildArgs)).context(context)
                .shellcheckFrom(System.getenv());
        Optional.ofNullable(target).ifPresent(request::target);
        if (!"-".equals(file)) {
            request.dockerfile(file == null ? context.resolve("Dockerfile") : Path.of(file));
        }
        return SourceTools.checkDockerfile(request.build());
    }

    /** Each finding rendered on {@code err} as the compiler-style diagnostics of builds, then a count. */
    static void human(DockerfileCheck check, SourceFile source, PrintWriter out, PrintWriter err) {
        dev.berth.diagnostic.DiagnosticRenderer renderer = new dev.berth.diagnostic.DiagnosticRenderer();
        for (dev.berth.api.CheckFinding finding : check.findings()) {
            String text = renderer.render(finding.diagnostic(), source);
            if (finding.level() == CheckLevel.INFO) {
                // Diagnostics know errors and warnings only: an info is printed as such.
                text = text.replaceFirst(": warning: ", ": info: ");
            }
            err.print(text);
        }
        err.flush();
        out.println(summary(check));
        out.flush();
    }

    private int explain(PrintWriter out, PrintWriter err) {
        Optional<CheckRule> rule = SourceTools.checkRule(explain);
        if (rule.isEmpty()) {
            err.println("berth check: no rule is named \"" + explain + "\"; the rules are "
                    + String.join(", ", SourceTools.checkRules().stream().map(CheckRule::id).toList()));
            return 2;
        }
        CheckRule found = rule.get();
        out.println(found.id() + (found.aliases().isEmpty() ? "" : " (hadolint " + String.join(", ", found.aliases())
                + ")") + ": " + found.title());
        out.println("level: " + found.level().label());
        out.println("fix: " + found.fix());
        out.println();
        out.println(found.explanation());
        out.println();
        out.println("see " + found.helpUri());
        if (found.id().startsWith("SC") || found.id().equals("ShellCheck")) {
            out.println();
            out.println(SourceTools.shellcheckProgram(System.getenv()).map(program -> "shellcheck: " + program)
                    .orElse("shellcheck: not installed here (not on PATH): no SC finding is reported"));
        }
        out.flush();
        return 0;
    }

    private Optional<SourceFile> read(PrintWriter err) throws IOException {
        if ("-".equals(file)) {
            // Standard input is the process's, not ours to close.
            InputStream in = System.in;
            return Optional.of(new SourceFile("-", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        Path path = file == null ? context.resolve("Dockerfile") : Path.of(file);
        try {
            return Optional.of(new SourceFile(file == null ? path.toString() : file, Files.readString(path)));
        } catch (IOException unreadable) {
            err.println("berth check: cannot read Dockerfile " + path + ": " + (unreadable instanceof
                    java.nio.file.NoSuchFileException ? "no such file" : unreadable.getMessage()));
            err.flush();
            return Optional.empty();
        }
    }

    static Map<String, String> pairs(List<String> buildArgs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : buildArgs) {
            int equals = arg.indexOf('=');
            if (equals < 0) {
                // Docker takes a bare name from the environment, and ignores it when unset.
                Optional.ofNullable(System.getenv(arg)).ifPresent(value -> values.put(arg, value));
            } else {
                values.put(arg.substring(0, equals), arg.substring(equals + 1));
            }
        }
        return values;
    }
}
