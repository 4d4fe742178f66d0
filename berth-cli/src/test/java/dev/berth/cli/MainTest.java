package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class MainTest {

    @Test
    void versionNamesBerthAndTheJavaRuntime() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine(CommandLine.defaultFactory());
        commandLine.setOut(new PrintWriter(out));

        int exit = commandLine.execute("--version");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("berth ").contains("Java 25");
    }

    @Test
    void unknownCommandIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(CommandLine.defaultFactory());
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"frob", "lod", "histroy"})
    void unknownCommandGetsOneShortLineWithoutGuesses(String word) {
        assertThat(Main.unknownCommand(word, "x"))
                .hasValue("berth: '" + word + "' is not a berth command.\nSee 'berth --help'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"build", "help", "image", "rmi", "--help", "-v"})
    void knownCommandsAndOptionsAreNotUnknown(String word) {
        assertThat(Main.unknownCommand(word)).isEmpty();
    }

    @Test
    void aNamedSubcommandGetsOnlyItsOwnModel() {
        CommandLine commandLine = Main.forArguments(CommandLine.defaultFactory(), "build", "-q", ".");

        assertThat(commandLine.getSubcommands().keySet()).containsExactly("build");
    }

    @Test
    void versionAloneGetsNoSubcommands() {
        assertThat(Main.forArguments(CommandLine.defaultFactory(), "--version").getSubcommands()).isEmpty();
        assertThat(Main.forArguments(CommandLine.defaultFactory(), "-V").getSubcommands()).isEmpty();
    }

    @Test
    void runStopsAtTheImageWhicheverTreeItIsIn() {
        assertThat(Main.forArguments(CommandLine.defaultFactory(), "run", "busybox", "ls", "-l")
                .getSubcommands().get("run").isStopAtPositional()).isTrue();
        assertThat(Main.commandLine(CommandLine.defaultFactory()).getSubcommands().get("run").isStopAtPositional())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "--version --help", "-V -V", "--no-such-option"})
    void anythingElseGetsTheWholeTree(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");

        assertThat(Main.forArguments(CommandLine.defaultFactory(), args).getSubcommands().keySet())
                .containsExactlyElementsOf(Main.commandLine(CommandLine.defaultFactory()).getSubcommands().keySet())
                .contains("build", "images", "run", "help");
    }

    /** Regression: building only the named subcommand must not change what picocli prints. */
    @ParameterizedTest
    @ValueSource(strings = {"build --help", "image --help", "image ls --help", "build", "build --no-such-flag .",
            "images --format", "dockerfile check --help", "--version", "system df --help", "--help", "-h", "help", ""})
    void theLazyTreePrintsWhatTheWholeTreePrints(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        StringWriter lazyOut = new StringWriter();
        StringWriter lazyErr = new StringWriter();
        CommandLine lazy = Main.forArguments(CommandLine.defaultFactory(), args);
        lazy.setOut(new PrintWriter(lazyOut));
        lazy.setErr(new PrintWriter(lazyErr));
        StringWriter wholeOut = new StringWriter();
        StringWriter wholeErr = new StringWriter();
        CommandLine whole = Main.commandLine(CommandLine.defaultFactory());
        whole.setOut(new PrintWriter(wholeOut));
        whole.setErr(new PrintWriter(wholeErr));

        int lazyExit = lazy.execute(args);
        int wholeExit = whole.execute(args);

        assertThat(lazyExit).isEqualTo(wholeExit);
        assertThat(lazyOut.toString()).isEqualTo(wholeOut.toString());
        assertThat(lazyErr.toString()).isEqualTo(wholeErr.toString());
        assertThat(lazyOut.toString() + lazyErr.toString()).isNotEmpty();
    }
}
