package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.ShellOrExec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The simple commands of a RUN, split well enough for the rules: on {@code && || ; |} and new lines, words on
 * blanks with quotes removed, leading {@code VAR=value} assignments and {@code sudo} dropped. Not a shell parser:
 * rules only look for package managers and their arguments, where that is enough.
 */
final class ShellCommands {

    /** Options of the package managers that take the next word as their value, not a package. */
    private static final Set<String> VALUED = Set.of("-o", "-t", "--target-release", "-r", "--requirement", "-c",
            "--constraint", "-i", "--index-url", "--extra-index-url", "-e", "--editable", "--target", "--prefix",
            "-f", "--find-links", "--root", "--repository", "-X", "--virtual", "--trusted-host");

    private ShellCommands() {
    }

    /** The RUN's script: its shell form, its exec form joined, and its here-documents. */
    static String script(Instruction.Run run) {
        StringBuilder text = new StringBuilder(switch (run.command()) {
            case ShellOrExec.ShellForm shell -> shell.command();
            case ShellOrExec.ExecForm exec -> String.join(" ", exec.argv());
        });
        run.heredocs().forEach(heredoc -> text.append('\n').append(heredoc.content()));
        return text.toString();
    }

    static List<List<String>> commands(String script) {
        String joined = script.replace("\\\r\n", " ").replace("\\\n", " ");
        List<List<String>> commands = new ArrayList<>();
        for (String part : joined.split("&&|\\|\\||;|\\||\\n")) {
            List<String> words = new ArrayList<>();
            for (String word : part.strip().split("\\s+")) {
                String bare = word.replace("\"", "").replace("'", "");
                if (bare.isEmpty() || (words.isEmpty() && (bare.equals("sudo") || bare.matches("[A-Za-z_][A-Za-z0-9_]*=.*")))) {
                    continue;
                }
                words.add(bare);
            }
            if (!words.isEmpty()) {
                commands.add(List.copyOf(words));
            }
        }
        return commands;
    }

    /** The RUN's commands that run {@code tool} with {@code subcommand} ({@code apt-get install}). */
    static List<List<String>> invocations(Instruction.Run run, Set<String> tools, Set<String> subcommands) {
        return commands(script(run)).stream()
                .filter(words -> tools.contains(executable(words.getFirst())))
                .filter(words -> words.stream().skip(1).filter(word -> !word.startsWith("-")).findFirst()
                        .filter(subcommands::contains).isPresent())
                .toList();
    }

    /** The operands after the subcommand: what is installed, options and their values left out. */
    static List<String> operands(List<String> invocation) {
        List<String> operands = new ArrayList<>();
        boolean subcommandSeen = false;
        for (int i = 1; i < invocation.size(); i++) {
            String word = invocation.get(i);
            if (word.startsWith("-")) {
                if (VALUED.contains(word)) {
                    i++;
                }
            } else if (!subcommandSeen) {
                subcommandSeen = true;
            } else {
                operands.add(word);
            }
        }
        return operands;
    }

    static boolean hasOption(List<String> invocation, String option) {
        return invocation.stream().anyMatch(word -> word.equals(option) || word.startsWith(option + "="));
    }

    /** {@code /usr/bin/pip3} is {@code pip3}; {@code python3 -m pip} is not recognised (rare in Dockerfiles). */
    static String executable(String word) {
        return word.substring(word.lastIndexOf('/') + 1);
    }

    static Optional<String> first(List<String> invocation) {
        return invocation.isEmpty() ? Optional.empty() : Optional.of(invocation.getFirst());
    }
}
