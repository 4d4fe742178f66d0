package dev.berth.dockerfile.shellcheck;

import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Location;
import dev.berth.dockerfile.instruction.ShellOrExec;
import dev.berth.dockerfile.instruction.Stage;
import dev.berth.dockerfile.instruction.WordLocator;
import dev.berth.dockerfile.syntax.Heredoc;
import dev.berth.dockerfile.instruction.ArgDeclaration;
import dev.berth.dockerfile.instruction.KeyValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shell scripts of a Dockerfile's shell-form RUNs, in every stage, as the stage's shell runs them: the command
 * joined from its continuation lines (comment lines inside dropped), as BuildKit gives it to {@code sh -c}, followed
 * by its here-documents and their terminators; a RUN that is a here-document alone ({@code RUN <<EOF}) is the
 * document's body, in the dialect its {@code #!} line names when it has one. The dialect is the SHELL's, set in the
 * stage or in the stage it is built on, else sh (what {@code /bin/sh -c} is, whatever the base image). Exec-form
 * RUNs, RUNs under a shell ShellCheck does not know (PowerShell, cmd) and here-documents for another interpreter
 * ({@code #!/usr/bin/env python3}) are left out.
 */
public final class RunScripts {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RunScripts() {
    }

    public static List<RunScript> of(Dockerfile dockerfile) {
        List<RunScript> scripts = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            Optional<ShellDialect> dialect = inherited(dockerfile, stage);
            Set<String> variables = new LinkedHashSet<>(declared(dockerfile, stage));
            for (Instruction instruction : stage.instructions()) {
                if (instruction instanceof Instruction.Shell shell) {
                    dialect = ShellDialect.ofShell(shell.shell());
                } else if (instruction instanceof Instruction.Run run && dialect.isPresent()
                        && run.command() instanceof ShellOrExec.ShellForm form) {
                    script(run, form.command(), dialect.get(), List.copyOf(variables)).ifPresent(scripts::add);
                }
                variables.addAll(names(instruction));
            }
        }
        return List.copyOf(scripts);
    }

    private static Optional<RunScript> script(Instruction.Run run, String command, ShellDialect dialect,
            List<String> variables) {
        Location location = run.location();
        List<Heredoc> heredocs = run.heredocs();
        int commandEnd = location.endLine();
        for (Heredoc heredoc : heredocs) {
            commandEnd -= lineCount(heredoc.content()) + 1;
        }
        int bodyLine = commandEnd + 1;
        StringBuilder script = new StringBuilder();
        List<RunScript.LineOrigin> lines = new ArrayList<>();
        ShellDialect shell = dialect;
        if (heredocs.size() == 1 && Heredoc.isMarker(command.strip())) {
            String body = terminated(heredocs.getFirst().content());
            if (body.startsWith("#!")) {
                Optional<ShellDialect> named = ShellDialect.ofShebang(body.lines().findFirst().orElse("#!"));
                if (named.isEmpty()) {
                    return Optional.empty();
                }
                shell = named.get();
            }
            copy(body, bodyLine, script, lines);
        } else if (command.contains("\n")) {
            // Not a joined line (an escape form the joiner does not model): every line points at the RUN.
            command.lines().forEach(line -> lines.add(new RunScript.LineOrigin.Copied(location.startLine())));
            script.append(terminated(command));
        } else {
            // The command is the instruction's tail: searched from the end, a short one is not found in the flags.
            int offset = location.original().lastIndexOf(command);
            lines.add(offset < WordLocator.keyword(location).length() ? new RunScript.LineOrigin.Copied(location.startLine())
                    : new RunScript.LineOrigin.Joined(offset));
            script.append(command).append('\n');
            int line = bodyLine;
            for (Heredoc heredoc : heredocs) {
                String body = heredoc.content().isEmpty() ? "" : terminated(heredoc.content());
                copy(body + heredoc.name() + "\n", line, script, lines);
                line += lineCount(body) + 1;
            }
        }
        if (script.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new RunScript(location, shell, script.toString(), lines, variables));
    }

    private static void copy(String text, int firstLine, StringBuilder script, List<RunScript.LineOrigin> lines) {
        int line = firstLine;
        for (String each : text.lines().toList()) {
            script.append(each).append('\n');
            lines.add(new RunScript.LineOrigin.Copied(line++));
        }
    }

    private static String terminated(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }

    private static int lineCount(String text) {
        return (int) text.lines().count();
    }

    /** The names ShellCheck needs told of that ARG and ENV declare (see {@link RunScript#variables()}). */
    private static List<String> names(Instruction instruction) {
        Stream<String> names = switch (instruction) {
            case Instruction.Arg arg -> arg.declarations().stream().map(ArgDeclaration::name);
            case Instruction.Env env -> env.pairs().stream().map(KeyValue::key);
            default -> Stream.empty();
        };
        return names.filter(name -> IDENTIFIER.matcher(name).matches() && !name.equals(name.toUpperCase(Locale.ROOT)))
                .toList();
    }

    /** What the stages a stage is built on declared (ENV is inherited; ARG is not, but a lenient check is kinder). */
    private static List<String> declared(Dockerfile dockerfile, Stage stage) {
        Optional<Stage> parent = parent(dockerfile, stage);
        if (parent.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(declared(dockerfile, parent.get()));
        parent.get().instructions().forEach(instruction -> names.addAll(names(instruction)));
        return names;
    }

    private static Optional<Stage> parent(Dockerfile dockerfile, Stage stage) {
        return dockerfile.stages().stream().filter(other -> other.index() < stage.index())
                .filter(other -> other.isNamed(stage.from().image())
                        || Integer.toString(other.index()).equals(stage.from().image()))
                .findFirst();
    }

    /** The dialect a stage starts with: its parent stage's last SHELL, else sh. */
    private static Optional<ShellDialect> inherited(Dockerfile dockerfile, Stage stage) {
        Optional<Stage> parent = parent(dockerfile, stage);
        if (parent.isEmpty()) {
            return Optional.of(ShellDialect.SH);
        }
        Optional<ShellDialect> dialect = inherited(dockerfile, parent.get());
        for (Instruction instruction : parent.get().instructions()) {
            if (instruction instanceof Instruction.Shell shell) {
                dialect = ShellDialect.ofShell(shell.shell());
            }
        }
        return dialect;
    }
}
