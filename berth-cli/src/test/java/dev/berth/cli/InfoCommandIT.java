package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code berth info} probes the real runtimes of this host. */
class InfoCommandIT {

    @Test
    void listsBothRuntimesAndNamesTheOneInUse(@TempDir Path state) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine(CommandLine.defaultFactory());
        commandLine.setOut(new PrintWriter(out));

        int exit = commandLine.execute("info", "--runtime-state", state.toString());

        assertThat(exit).isZero();
        assertThat(out.toString().lines().toList())
                .first().isEqualTo("Runtimes:");
        assertThat(out.toString())
                .containsPattern("(?m)^  crun.*$")
                .containsPattern("(?m)^  runc [^ ]+ at /\\S+/runc: works$")
                .containsPattern("(?m)^Default runtime: (runc|crun) [^ ]+ \\(/\\S+, state in " + state + "/(runc|crun)\\)$")
                .endsWith("Security options:\n  seccomp: builtin default\n");
    }
}
