package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code berth run --security-opt}: only {@code seccomp=unconfined} is understood; the rest is refused before running. */
class RunSecurityOptionTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "--security-opt {0}")
    @CsvSource(delimiter = '|', textBlock = """
            apparmor=unconfined          | --security-opt apparmor=unconfined: only seccomp=unconfined is supported
            seccomp=/etc/profile.json    | --security-opt seccomp=/etc/profile.json: custom seccomp profiles are not supported; seccomp=unconfined disables the default one
            no-new-privileges            | --security-opt no-new-privileges: only seccomp=unconfined is supported
            """)
    void anythingButSeccompUnconfinedIsRefusedWithExitCode125(String option, String message) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(CommandLine.defaultFactory());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("run", "--root", root.toString(), "--security-opt", option, "busybox", "true");

        assertThat(exit).isEqualTo(125);
        assertThat(err.toString()).contains(message);
    }

    @ParameterizedTest(name = "--security-opt {0}")
    @CsvSource({"seccomp=unconfined", "seccomp:unconfined"})
    void seccompUnconfinedIsAcceptedInBothSpellings(String option) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(CommandLine.defaultFactory());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.getSubcommands().get("run").setStopAtPositional(true);
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("run", "--root", root.toString(), "--security-opt", option, "nosuchimage", "true");

        // It gets as far as looking the image up.
        assertThat(exit).isEqualTo(125);
        assertThat(err.toString()).contains("No such image: nosuchimage");
    }
}
