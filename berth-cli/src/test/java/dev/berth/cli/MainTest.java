package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void versionNamesBerthAndTheJavaRuntime() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(new PrintWriter(out));

        int exit = commandLine.execute("--version");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("berth ").contains("Java 25");
    }

    @Test
    void unknownCommandIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }
}
