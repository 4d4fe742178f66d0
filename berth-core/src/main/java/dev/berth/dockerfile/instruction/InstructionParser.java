package dev.berth.dockerfile.instruction;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.syntax.Heredoc;
import dev.berth.dockerfile.syntax.Node;
import dev.berth.error.InvalidInputException;
import dev.berth.image.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one syntax {@link Node} into a typed {@link Instruction}, with Docker's validation and messages.
 * Variables are not expanded: a word containing {@code $} is checked only where its form does not
 * depend on the value (EXPOSE ports with variables are left to expansion).
 *
 * <p>Errors throw {@link InvalidInputException} with one diagnostic pointing at the offending word.
 */
public final class InstructionParser {

    /** The keywords Docker knows, lower case. */
    public static final List<String> KEYWORDS = List.of("add", "arg", "cmd", "copy", "entrypoint", "env",
            "expose", "from", "healthcheck", "label", "maintainer", "onbuild", "run", "shell", "stopsignal", "user",
            "volume", "workdir");

    private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");

    private final SourceFile source;
    private final WordLocator locator;

    /** {@code source} is the file the nodes come from; diagnostics point into it. */
    public InstructionParser(SourceFile source) {
        this.source = source;
        this.locator = new WordLocator(source);
    }

    public Instruction parse(Node node) {
        try {
            return instruction(node);
        } catch (RejectedWord rejected) {
            Diagnostic diagnostic = Diagnostic.error(source.name(), rangeOf(node, rejected.word()), rejected.getMessage());
            throw new InvalidInputException(rejected.hint().map(diagnostic::withHint).orElse(diagnostic), source);
        }
    }

    /** The range of {@code word} within the node's lines, or of its keyword when the word is not found. */
    SourceRange rangeOf(Node node, String word) {
        return locator.range(location(node), word);
    }

    private static Location location(Node node) {
        return new Location(node.startLine(), Math.max(node.startLine(), node.endLine()), Math.max(1, node.startColumn()),
                node.original());
    }

    private Instruction instruction(Node node) {
        if (!KEYWORDS.contains(node.keyword())) {
            throw new RejectedWord(keyword(node), "unknown instruction \"" + keyword(node) + "\""
                    + NearestName.among(node.keyword(), KEYWORDS)
                            .map(known -> ": did you mean " + known.toUpperCase(Locale.ROOT) + "?").orElse(""));
        }
        ParsedFlags flags = ParsedFlags.parse(node.keyword(), node.flags());
        Location location = location(node);
        List<String> args = node.args();
        return switch (node.keyword()) {
            case "from" -> from(node, location, flags);
            case "run" -> RunParser.parse(node, location, flags);
            case "cmd" -> new Instruction.Cmd(location, command(node));
            case "entrypoint" -> new Instruction.Entrypoint(location, command(node));
            case "shell" -> {
                if (!node.json()) {
                    throw new RejectedWord(keyword(node), "SHELL requires the arguments to be in JSON form");
                }
                yield new Instruction.Shell(location, atLeastOne(node, args));
            }
            case "label" -> new Instruction.Label(location, pairs(node));
            case "env" -> new Instruction.Env(location, pairs(node));
            case "maintainer" -> new Instruction.Maintainer(location, exactlyOne(node));
            case "expose" -> {
                for (String port : atLeastOne(node, args)) {
                    if (!port.contains("$")) {
                        PortSpec.problem(port).ifPresent(problem -> {
                            throw new RejectedWord(port, problem);
                        });
                    }
                }
                yield new Instruction.Expose(location, args);
            }
            case "add" -> {
                atLeastTwo(node);
                notAHeredoc("ADD", args.getLast());
                checksum(flags, args.subList(0, args.size() - 1));
                yield new Instruction.Add(location, paths(args), args.getLast(),
                        flags.string("chown"), flags.string("chmod"), flags.bool("link"), flags.string("checksum"),
                        flags.bool("keep-git-dir"), flags.strings("exclude"), node.heredocs());
            }
            case "copy" -> {
                atLeastTwo(node);
                notAHeredoc("COPY", args.getLast());
                yield new Instruction.Copy(location, paths(args), args.getLast(),
                        flags.string("from"), flags.string("chown"), flags.string("chmod"), flags.bool("link"),
                        flags.bool("parents"), flags.strings("exclude"), node.heredocs());
            }
            case "volume" -> {
                for (String path : atLeastOne(node, args)) {
                    if (path.isBlank()) {
                        throw new RejectedWord(keyword(node), "VOLUME specified can not be an empty string");
                    }
                }
                yield new Instruction.Volume(location, args);
            }
            case "user" -> new Instruction.User(location, exactlyOne(node));
            case "workdir" -> new Instruction.Workdir(location, exactlyOne(node));
            case "arg" -> new Instruction.Arg(location, atLeastOne(node, args).stream().map(this::declaration).toList());
            case "onbuild" -> onbuild(node, location);
            case "stopsignal" -> new Instruction.StopSignal(location, exactlyOne(node));
            case "healthcheck" -> new Instruction.Healthcheck(location, HealthcheckParser.parse(node, flags));
            default -> throw new IllegalStateException("keyword " + node.keyword() + " is known but not handled");
        };
    }

    private Instruction from(Node node, Location location, ParsedFlags flags) {
        List<String> args = node.args();
        Optional<String> stageName = Optional.empty();
        if (args.size() == 3) {
            if (!args.get(1).equalsIgnoreCase("as")) {
                throw new RejectedWord(args.get(1),
                        "when using FROM with three arguments, the second argument must be \"AS\"");
            }
            if (!STAGE_NAME.matcher(args.get(2).toLowerCase(Locale.ROOT)).matches()) {
                throw new RejectedWord(args.get(2), "invalid name for build stage: \"" + args.get(2)
                        + "\", name can't start with a number or contain symbols");
            }
            stageName = Optional.of(args.get(2));
        } else if (args.size() != 1) {
            throw new RejectedWord(args.size() > 1 ? args.get(1) : keyword(node),
                    "FROM requires either one or three arguments");
        }
        return new Instruction.From(location, args.getFirst(), stageName, flags.string("platform"));
    }

    /**
     * BuildKit's rules for {@code ADD --checksum}: one source, HTTP(S) or Git; for HTTP(S) the checksum is a
     * content digest (a Git commit is left unchecked). Words with variables are judged after expansion, at build.
     */
    private static void checksum(ParsedFlags flags, List<String> sources) {
        Optional<String> checksum = flags.string("checksum");
        if (checksum.isEmpty()) {
            return;
        }
        if (sources.size() != 1) {
            throw new RejectedWord(flags.written("checksum"), "checksum can't be specified for multiple sources",
                    Optional.of("give each downloaded file its own ADD --checksum"));
        }
        String source = sources.getFirst();
        boolean http = source.startsWith("http://") || source.startsWith("https://");
        boolean git = source.startsWith("git@") || source.startsWith("git://") || source.startsWith("ssh://")
                || source.startsWith("github.com/");
        if (!http && !git && !source.contains("$")) {
            throw new RejectedWord(flags.written("checksum"), "checksum requires HTTP(S) or Git sources",
                    Optional.of("--checksum verifies a download; remove it for a file of the build context"));
        }
        if (http && !checksum.get().contains("$")) {
            try {
                Digest.parse(checksum.get());
            } catch (IllegalArgumentException invalid) {
                throw new RejectedWord(flags.written("checksum"), "invalid checksum digest format",
                        Optional.of("give the digest of the downloaded file, as sha256:<64 hex digits>"));
            }
        }
    }

    private Instruction onbuild(Node node, Location location) {
        Node trigger = node.child().orElseThrow(
                () -> new RejectedWord(keyword(node), "ONBUILD requires at least one argument"));
        String triggerWord = keyword(trigger);
        switch (trigger.keyword()) {
            case "onbuild" -> throw new RejectedWord(triggerWord, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            case "from", "maintainer" -> throw new RejectedWord(triggerWord,
                    triggerWord.toUpperCase(Locale.ROOT) + " isn't allowed as an ONBUILD trigger");
            default -> {
                return new Instruction.Onbuild(location, instruction(trigger));
            }
        }
    }

    static ShellOrExec command(Node node) {
        return node.json() ? new ShellOrExec.ExecForm(node.args())
                : new ShellOrExec.ShellForm(String.join(" ", node.args()));
    }

    private List<KeyValue> pairs(Node node) {
        String name = node.keyword().toUpperCase(Locale.ROOT);
        List<String> args = atLeastOne(node, node.args());
        if (args.size() % 3 != 0) {
            throw new RejectedWord(keyword(node), "Bad input to " + name + ", too many arguments");
        }
        List<KeyValue> pairs = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 3) {
            if (args.get(i).isEmpty()) {
                throw new RejectedWord(args.get(i + 1).isEmpty() ? keyword(node) : "=" + args.get(i + 1),
                        name + " names can not be blank");
            }
            pairs.add(new KeyValue(args.get(i), args.get(i + 1)));
        }
        return pairs;
    }

    private ArgDeclaration declaration(String word) {
        int equals = word.indexOf('=');
        if (equals == 0 || word.isEmpty()) {
            throw new RejectedWord(word, "ARG names can not be blank");
        }
        return equals < 0 ? new ArgDeclaration(word, Optional.empty())
                : new ArgDeclaration(word.substring(0, equals), Optional.of(word.substring(equals + 1)));
    }

    private static List<String> atLeastOne(Node node, List<String> args) {
        if (args.isEmpty()) {
            throw new RejectedWord(keyword(node), node.keyword().toUpperCase(Locale.ROOT) + " requires at least one argument");
        }
        return args;
    }

    /** The sources that name files: BuildKit's SourcePaths, every argument but the last and the heredoc markers. */
    private static List<String> paths(List<String> args) {
        return args.subList(0, args.size() - 1).stream().filter(word -> !Heredoc.isMarker(word)).toList();
    }

    /** BuildKit reads here-documents only as sources: {@code COPY /foo <<EOF} is refused, not written to "<<EOF". */
    private static void notAHeredoc(String instruction, String destination) {
        if (Heredoc.isMarker(destination)) {
            throw new RejectedWord(destination, instruction + " cannot accept a heredoc as a destination");
        }
    }

    private static void atLeastTwo(Node node) {
        String name = node.keyword().toUpperCase(Locale.ROOT);
        if (node.args().isEmpty()) {
            throw new RejectedWord(keyword(node), name + " requires at least two arguments");
        }
        if (node.args().size() == 1) {
            throw new RejectedWord(node.args().getFirst(), name + " requires at least two arguments, but only one was"
                    + " provided. Destination could not be determined.");
        }
    }

    private static String exactlyOne(Node node) {
        if (node.args().size() != 1) {
            throw new RejectedWord(node.args().size() > 1 ? node.args().get(1) : keyword(node),
                    node.keyword().toUpperCase(Locale.ROOT) + " requires exactly one argument");
        }
        return node.args().getFirst();
    }

    /** The keyword as written (case kept), taken from the original text. */
    static String keyword(Node node) {
        String written = WordLocator.keyword(location(node));
        return written.isEmpty() ? node.keyword() : written;
    }
}
