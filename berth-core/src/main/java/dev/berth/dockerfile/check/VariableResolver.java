package dev.berth.dockerfile.check;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.dockerfile.instruction.ArgDeclaration;
import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.KeyValue;
import dev.berth.dockerfile.instruction.Location;
import dev.berth.dockerfile.instruction.NearestName;
import dev.berth.dockerfile.instruction.PortSpec;
import dev.berth.dockerfile.instruction.Stage;
import dev.berth.dockerfile.instruction.WordLocator;
import dev.berth.dockerfile.shell.Expansion;
import dev.berth.dockerfile.shell.ExpansionException;
import dev.berth.dockerfile.shell.WordExpander;
import dev.berth.dockerfile.syntax.Heredoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Resolves ARG scoping and expands variables where Docker does (FROM, ADD, COPY, ENV, EXPOSE, LABEL,
 * STOPSIGNAL, USER, VOLUME, WORKDIR, ARG defaults, the flags of COPY and ADD and the values of RUN --mount),
 * never in the commands of RUN, CMD, ENTRYPOINT, SHELL or HEALTHCHECK, whose text the shell sees. Global ARGs are visible to FROM lines
 * only; in a stage an ARG is visible after its declaration, with the build arg, else its default,
 * else the global value; ENV wins over ARG. Reports UndefinedVar, SecretsUsedInArgOrEnv,
 * WorkdirRelativePath, expansion errors and invalid expanded values. One instance per resolution.
 */
final class VariableResolver {

    private static final WordExpander HEREDOC_EXPANDER = new WordExpander('\\');


    /**
     * What every image's environment is known to hold without pulling it: BuildKit sets PATH to this
     * when the base image does not, so {@code $PATH} is never undefined. Other base image variables
     * are not known here.
     */
    private static final Map<String, String> BASE_ENV =
            Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

    private final String file;
    private final WordLocator locator;
    private final WordExpander expander;
    private final Map<String, String> buildArgs;
    private final PredefinedArgs predefined;
    private final List<Finding> findings = new ArrayList<>();
    private final StageReferences references;
    private final Set<String> reportedUndefined = new HashSet<>();

    VariableResolver(String file, WordLocator locator, WordExpander expander, Map<String, String> buildArgs,
            PredefinedArgs predefined) {
        this.file = file;
        this.locator = locator;
        this.expander = expander;
        // Kept in the caller's order: RUN gets the proxy build args in it (ScopedArgs).
        this.buildArgs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(buildArgs));
        this.predefined = predefined;
        this.references = new StageReferences(file, locator);
    }

    /** The Dockerfile with variables expanded, the args each of its instructions sees, and what was found doing it. */
    record Resolution(Dockerfile expanded, ScopedArgs args, List<Finding> findings) {
        Resolution {
            findings = List.copyOf(findings);
        }
    }

    Resolution resolve(Dockerfile dockerfile) {
        Scope global = new Scope();
        predefined.platform().forEach((name, value) -> global.declareArg(name, Optional.of(value)));
        List<Instruction.Arg> globalArgs = dockerfile.globalArgs().stream().map(arg -> declare(arg, global)).toList();
        List<Stage> stages = new ArrayList<>();
        Map<Integer, Map<String, String>> stageEnv = new HashMap<>();
        Map<Integer, List<Map<String, String>>> scoped = new HashMap<>();
        for (Stage stage : dockerfile.stages()) {
            Instruction.From from = stage.from();
            Instruction.From expandedFrom = new Instruction.From(from.location(), word(from.image(), from.location(), global),
                    from.stageName(), from.platform().map(platform -> word(platform, from.location(), global)));
            if (expandedFrom.image().isBlank()) {
                findings.add(Finding.of(Diagnostic.error(file, locator.range(from.location(), from.image()),
                        "base name (" + from.image() + ") should not be blank")));
            }
            Scope scope = stages.stream().filter(earlier -> earlier.isNamed(expandedFrom.image())).findFirst()
                    .map(parent -> Scope.inheriting(stageEnv.get(parent.index())))
                    .orElseGet(() -> Scope.inheriting(BASE_ENV));
            List<Instruction> body = new ArrayList<>();
            List<Map<String, String>> seen = new ArrayList<>();
            boolean workdirSet = false;
            for (Instruction instruction : stage.instructions()) {
                Instruction expanded = expand(instruction, scope, global);
                if (expanded instanceof Instruction.Workdir workdir) {
                    if (!workdirSet && !workdir.path().startsWith("/")) {
                        findings.add(warn(Rule.WORKDIR_RELATIVE_PATH, workdir.location(),
                                ((Instruction.Workdir) instruction).path(), "Relative workdir \"" + workdir.path()
                                        + "\" can have unexpected results if the base image changes"));
                    }
                    workdirSet = true;
                }
                references.check(instruction, expanded, stage, dockerfile).forEach(findings::add);
                body.add(expanded);
                seen.add(scope.args());
            }
            scoped.put(stage.index(), seen);
            stageEnv.put(stage.index(), scope.env());
            stages.add(new Stage(stage.index(), stage.name(), expandedFrom, body));
        }
        return new Resolution(new Dockerfile(dockerfile.directives(), globalArgs, stages),
                new ScopedArgs(scoped, buildArgs), findings);
    }

    private Instruction expand(Instruction instruction, Scope scope, Scope global) {
        Location at = instruction.location();
        return switch (instruction) {
            case Instruction.Arg arg -> declareInStage(arg, scope, global);
            case Instruction.Env env -> {
                // Every value of one ENV sees the variables as they were before the instruction.
                List<KeyValue> pairs = env.pairs().stream()
                        .map(pair -> new KeyValue(word(pair.key(), at, scope), word(pair.value(), at, scope))).toList();
                for (KeyValue pair : pairs) {
                    secretName("ENV", pair.key(), at);
                    scope.setEnv(pair.key(), pair.value());
                }
                yield new Instruction.Env(at, pairs);
            }
            case Instruction.Label label -> new Instruction.Label(at, label.pairs().stream()
                    .map(pair -> new KeyValue(word(pair.key(), at, scope), word(pair.value(), at, scope))).toList());
            case Instruction.Expose expose -> new Instruction.Expose(at, ports(expose, scope));
            case Instruction.Add add -> new Instruction.Add(at, words(add.sources(), at, scope),
                    word(add.destination(), at, scope), add.chown().map(v -> word(v, at, scope)),
                    add.chmod().map(v -> word(v, at, scope)), add.link(), add.checksum().map(v -> word(v, at, scope)),
                    add.keepGitDir(), words(add.exclude(), at, scope), heredocs(add.heredocs(), at, scope));
            case Instruction.Copy copy -> new Instruction.Copy(at, words(copy.sources(), at, scope),
                    word(copy.destination(), at, scope), copy.from().map(v -> word(v, at, scope)),
                    copy.chown().map(v -> word(v, at, scope)), copy.chmod().map(v -> word(v, at, scope)), copy.link(),
                    copy.parents(), words(copy.exclude(), at, scope), heredocs(copy.heredocs(), at, scope));
            case Instruction.Volume volume -> new Instruction.Volume(at, words(volume.paths(), at, scope));
            case Instruction.User user -> new Instruction.User(at, word(user.user(), at, scope));
            case Instruction.Workdir workdir -> new Instruction.Workdir(at, word(workdir.path(), at, scope));
            case Instruction.StopSignal signal -> new Instruction.StopSignal(at, word(signal.signal(), at, scope));
            // ONBUILD triggers are expanded when they run, in the child build's scope.
            case Instruction.Onbuild onbuild -> onbuild;
            case Instruction.From from -> from;
            case Instruction.Run run -> new Instruction.Run(at, run.command(), run.mounts().stream()
                    .map(mount -> MountExpansion.expand(mount, text -> word(text, at, scope))).toList(),
                    run.network(), run.security(), run.heredocs());
            case Instruction.Cmd cmd -> cmd;
            case Instruction.Entrypoint entrypoint -> entrypoint;
            case Instruction.Shell shell -> shell;
            case Instruction.Maintainer maintainer -> maintainer;
            case Instruction.Healthcheck healthcheck -> healthcheck;
        };
    }

    /** A global ARG: build arg, else its default expanded with the globals declared before it. */
    private Instruction.Arg declare(Instruction.Arg arg, Scope global) {
        List<ArgDeclaration> declarations = new ArrayList<>();
        for (ArgDeclaration declaration : arg.declarations()) {
            secretName("ARG", declaration.name(), arg.location());
            Optional<String> defaultValue = declaration.defaultValue().map(v -> word(v, arg.location(), global));
            global.declareArg(declaration.name(), Optional.ofNullable(buildArgs.get(declaration.name())).or(() -> defaultValue));
            declarations.add(new ArgDeclaration(declaration.name(), defaultValue));
        }
        return new Instruction.Arg(arg.location(), declarations);
    }

    /** A stage ARG: build arg, else its default, else the global ARG's value, else the platform's. */
    private Instruction.Arg declareInStage(Instruction.Arg arg, Scope scope, Scope global) {
        List<ArgDeclaration> declarations = new ArrayList<>();
        for (ArgDeclaration declaration : arg.declarations()) {
            String name = declaration.name();
            secretName("ARG", name, arg.location());
            Optional<String> defaultValue = declaration.defaultValue().map(v -> word(v, arg.location(), scope));
            Optional<String> value = Optional.ofNullable(buildArgs.get(name)).or(() -> defaultValue)
                    .or(() -> global.isDeclared(name) ? global.value(name) : Optional.empty());
            scope.declareArg(name, value);
            declarations.add(new ArgDeclaration(name, defaultValue));
        }
        return new Instruction.Arg(arg.location(), declarations);
    }

    /** EXPOSE ports, validated once their variables are expanded; a value may hold several ports. */
    private List<String> ports(Instruction.Expose expose, Scope scope) {
        List<String> ports = new ArrayList<>();
        for (String written : expose.ports()) {
            for (String port : word(written, expose.location(), scope).strip().split("\\s+")) {
                if (port.isEmpty()) {
                    continue;
                }
                PortSpec.problem(port).ifPresent(problem -> findings.add(Finding.of(
                        Diagnostic.error(file, locator.range(expose.location(), written), problem))));
                ports.add(port);
            }
        }
        return ports;
    }

    private List<String> words(List<String> texts, Location at, Scope scope) {
        return texts.stream().map(text -> word(text, at, scope)).toList();
    }

    /**
     * COPY and ADD here-documents with an unquoted delimiter, expanded as BuildKit's ExpandRaw does (after the
     * {@code <<-} tabs are stripped); the result is marked chomped already.
     */
    private List<Heredoc> heredocs(List<Heredoc> heredocs, Location at, Scope scope) {
        return heredocs.stream().map(heredoc -> heredoc.expand()
                ? new Heredoc(heredoc.name(), heredoc.fileDescriptor(), true, false,
                        expanded(heredoc.chompedContent(), at, scope, true))
                : heredoc).toList();
    }

    private String word(String text, Location at, Scope scope) {
        return expanded(text, at, scope, false);
    }

    private String expanded(String text, Location at, Scope scope, boolean raw) {
        Map<String, String> visible = PredefinedArgs.withProxies(scope.lookup(), buildArgs);
        Expansion expansion;
        try {
            // BuildKit expands heredoc contents with its default lexer: a backslash escapes, whatever # escape= says.
            expansion = raw ? HEREDOC_EXPANDER.expandRaw(text, visible) : expander.expand(text, visible);
        } catch (ExpansionException invalid) {
            Diagnostic error = locator.rangeAt(at, text, invalid.offset())
                    .map(range -> Diagnostic.error(file, range, invalid.getMessage()))
                    .orElseGet(() -> Diagnostic.error(file, locator.keywordRange(at), invalid.getMessage() + " (in \""
                            + text + "\"; its column in the source is not known, so this points at the instruction)"));
            findings.add(Finding.of(ExpansionHints.withHint(error, invalid.getMessage())));
            return text;
        }
        for (String name : new TreeSet<>(expansion.unmatched())) {
            if (!scope.isDeclared(name) && !PredefinedArgs.PROXIES.contains(name) && !onlyWithDefault(text, name)
                    && reportedUndefined.add(at.startLine() + ":" + name)) {
                String suggestion = NearestName.among(name, scope.declaredNames())
                        .map(nearest -> " (did you mean $" + nearest + "?)").orElse("");
                findings.add(warn(Rule.UNDEFINED_VAR, at, text.contains("${" + name) ? "${" + name : "$" + name,
                        "Usage of undefined variable '$" + name + "'" + suggestion));
            }
        }
        return expansion.result();
    }

    /** BuildKit does not flag {@code ${NAME:-default}} (nor {@code -}, {@code +} forms): the writer handled unset. */
    private static boolean onlyWithDefault(String text, String name) {
        String quoted = Pattern.quote(name);
        return Pattern.compile("\\$\\{" + quoted + ":?[-+]").matcher(text).find()
                && !Pattern.compile("\\$(?:\\{" + quoted + "\\}|" + quoted + "(?![A-Za-z0-9_]))").matcher(text).find();
    }

    private void secretName(String keyword, String name, Location at) {
        if (SecretNames.looksSecret(name)) {
            findings.add(warn(Rule.SECRETS_USED_IN_ARG_OR_ENV, at, name,
                    "Do not use ARG or ENV instructions for sensitive data (" + keyword + " \"" + name + "\")"));
        }
    }

    private Finding warn(Rule rule, Location at, String word, String message) {
        return Finding.warning(rule, Diagnostic.warning(file, locator.range(at, word), rule.checkName() + ": " + message)
                .withHint("see " + rule.url()));
    }
}
