package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.error.ExecutionException;
import dev.berth.error.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How Berth's operational errors read on standard error. */
class ErrorReporterTest {

    @Test
    void causesAreAppendedInOrder() {
        String shown = report(new StoreException("reading blob sha256:ab", new IOException("disk gone")));

        assertThat(shown).isEqualTo("berth: reading blob sha256:ab: disk gone\n");
    }

    @Test
    void failedRunQuotingItsCauseSaysItOnce() {
        ExecutionException runtime = new ExecutionException("RUN /bin/sh -c make exited with code 2");
        ExecutionException step = new ExecutionException("RUN at Dockerfile:3 failed: RUN /bin/sh -c make exited with code 2\n"
                + "last output:\n  error: it broke\nfull output: /store/cache/builds/b/logs/step-3.log", runtime);

        assertThat(report(step)).isEqualTo("""
                berth: RUN at Dockerfile:3 failed: RUN /bin/sh -c make exited with code 2
                last output:
                  error: it broke
                full output: /store/cache/builds/b/logs/step-3.log
                """);
    }

    private static String report(Exception failure) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(CommandLine.defaultFactory());
        commandLine.setErr(new PrintWriter(err));
        new ErrorReporter().handleExecutionException(failure, commandLine, null);
        return err.toString();
    }
}
