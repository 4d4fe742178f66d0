package dev.berth.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code berth} command. */
@Command(
        name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds, stores, ships and runs container images, without a daemon.")
public final class Main {

    /**
     * Every subcommand, in the order {@code berth --help} lists them. A method, not a constant: a build
     * read without picocli then loads none of picocli's classes (outside the AOT cache, from the jar).
     */
    static List<Class<?>> commands() {
        return List.of(
                CommandLine.HelpCommand.class,
                BuildCommand.class,
                CheckCommand.class,
                BuildxCommand.class,
                BuilderCommand.class,
                DockerfileCommand.class,
                DockerignoreCommand.class,
                ContextCommand.class,
                SystemCommand.class,
                InfoCommand.class,
                ImageCommand.class,
                ImagesCommand.class,
                InspectCommand.class,
                HistoryCommand.class,
                TagCommand.class,
                RmiCommand.class,
                SaveCommand.class,
                LoadCommand.class,
                ImportCommand.class,
                PullCommand.class,
                PushCommand.class,
                LoginCommand.class,
                LogoutCommand.class,
                RunCommand.class,
                CreateCommand.class,
                ContainerGroupCommand.class,
                VolumeCommand.class,
                ComposeCommand.class,
                PsCommand.class,
                LogsCommand.class,
                StartCommand.class,
                StopCommand.class,
                RestartCommand.class,
                RenameCommand.class,
                TopCommand.class,
                StatsCommand.class,
                KillCommand.class,
                RmCommand.class,
                WaitCommand.class,
                NetworkCommand.class,
                PortCommand.class,
                SbomCommand.class,
                ScanCommand.class,
                ExecCommand.class,
                CommitCommand.class,
                CpCommand.class,
                DiffCommand.class,
                ExportCommand.class,
                AttachCommand.class);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code; the streams are the process's own. */
    static int run(String... args) {
        TimingTrace trace = TimingTrace.of(System.getenv(), System.err);
        trace.mark("main");
        Optional<BuildCommand> plainBuild = PlainBuildArguments.parse(args);
        if (plainBuild.isPresent()) {
            trace.mark("build arguments read without picocli");
            int exit = runWithoutPicocli(plainBuild.get(), args);
            trace.mark("exit " + exit);
            return exit;
        }
        Optional<String> unknown = unknownCommand(args);
        if (unknown.isPresent()) {
            PrintWriter err = utf8(System.err);
            err.println(unknown.get());
            trace.mark("exit 125");
            return 125;
        }
        CommandLine commandLine = forArguments(CommandLine.defaultFactory(), args);
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setOut(utf8(System.out));
        commandLine.setErr(utf8(System.err));
        trace.mark("command line model built");
        int exit = commandLine.execute(args);
        trace.mark("exit " + exit);
        return exit;
    }

    /**
     * Runs a build whose arguments {@link PlainBuildArguments} read, as {@code commandLine.execute(args)}
     * would: the same streams, and a failure reported by {@link ErrorReporter}; picocli is loaded only then.
     */
    private static int runWithoutPicocli(BuildCommand build, String... args) {
        PrintWriter out = utf8(System.out);
        PrintWriter err = utf8(System.err);
        try {
            return build.run(out, err);
        } catch (Exception failure) {
            CommandLine commandLine = forArguments(CommandLine.defaultFactory(), args);
            commandLine.setOut(out);
            commandLine.setErr(err);
            return new ErrorReporter().handleExecutionException(failure, commandLine, null);
        }
    }

    /**
     * What Docker says when the first word names no command: one short line and exit 125, rather than
     * picocli's usage dump whose "Did you mean" guesses are edit-distance neighbours (logs → load).
     */
    static Optional<String> unknownCommand(String... args) {
        if (args.length == 0 || args[0].startsWith("-")
                || commands().stream().flatMap(Main::names).anyMatch(args[0]::equals)) {
            return Optional.empty();
        }
        return Optional.of("berth: '" + args[0] + "' is not a berth command.\nSee 'berth --help'");
    }

    // Output is UTF-8 whatever the locale: dumps and diagnostics quote Dockerfile text.
    private static PrintWriter utf8(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** The whole command tree: every subcommand and theirs. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return withCommands(factory, commands());
    }

    /**
     * The command tree {@code args} need. Picocli reflects over every option of every command it is
     * given, which costs more than a cached build: when the first argument names a subcommand, only
     * that one is added, {@code --version} alone needs none, and {@code --help} only the commands' names and
     * descriptions ({@link #listing}). Anything else (a typo to suggest a fix for, an unknown option) gets the
     * whole tree, so what picocli prints is the same either way.
     */
    static CommandLine forArguments(CommandLine.IFactory factory, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return withCommands(factory, List.of());
        }
        if (args.length == 0 || (args.length == 1 && List.of("--help", "-h", "help").contains(args[0]))) {
            return listing(factory);
        }
        Optional<Class<?>> named = args.length == 0 ? Optional.empty()
                : commands().stream().filter(type -> type != CommandLine.HelpCommand.class)
                        .filter(type -> names(type).anyMatch(args[0]::equals)).findFirst();
        return withCommands(factory, named.<List<Class<?>>>map(List::of).orElseGet(Main::commands));
    }

    /**
     * The tree {@code berth --help} prints: every subcommand by its name, aliases and description only, read
     * from its {@code @Command} annotation. Building each one's model (options, their types, its own subcommands)
     * took most of the 0.45 s that {@code --help} took, to print one line per command.
     */
    static CommandLine listing(CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(new Main(), factory);
        for (Class<?> type : commands()) {
            if (type == CommandLine.HelpCommand.class) {
                commandLine.addSubcommand(type);
                continue;
            }
            Command command = type.getAnnotation(Command.class);
            CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create();
            spec.usageMessage().description(command.description()).header(command.header()).hidden(command.hidden());
            commandLine.addSubcommand(command.name(), new CommandLine(spec, factory), command.aliases());
        }
        return commandLine;
    }

    private static CommandLine withCommands(CommandLine.IFactory factory, List<Class<?>> commands) {
        CommandLine commandLine = new CommandLine(new Main(), factory);
        commands.forEach(commandLine::addSubcommand);
        CommandLine run = commandLine.getSubcommands().get("run");
        if (run != null) {
            // Everything after `run IMAGE` is the container's command, options included, as with docker run.
            run.setStopAtPositional(true);
        }
        CommandLine create = commandLine.getSubcommands().get("create");
        if (create != null) {
            create.setStopAtPositional(true);
        }
        CommandLine top = commandLine.getSubcommands().get("top");
        if (top != null) {
            // `top CONTAINER -o pid,comm`: the rest is ps's options.
            top.setStopAtPositional(true);
        }
        CommandLine container = commandLine.getSubcommands().get("container");
        if (container != null) {
            // `container create IMAGE CMD...` and `container exec CONTAINER CMD...`: the same.
            container.getSubcommands().get("create").setStopAtPositional(true);
            container.getSubcommands().get("exec").setStopAtPositional(true);
            container.getSubcommands().get("top").setStopAtPositional(true);
        }
        CommandLine exec = commandLine.getSubcommands().get("exec");
        if (exec != null) {
            // The same for `exec CONTAINER`: what follows is the command's.
            exec.setStopAtPositional(true);
        }
        CommandLine compose = commandLine.getSubcommands().get("compose");
        if (compose != null) {
            // `compose exec SERVICE CMD...` and `compose run SERVICE CMD...`: the rest is the command's, as above.
            compose.getSubcommands().get("exec").setStopAtPositional(true);
            compose.getSubcommands().get("run").setStopAtPositional(true);
        }
        return commandLine;
    }

    private static Stream<String> names(Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        return Stream.concat(Stream.of(command.name()), Arrays.stream(command.aliases()));
    }
}
