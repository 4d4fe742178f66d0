package dev.berth.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One in-process run of the whole {@code berth} command tree, as {@link Main} wires it (the {@link ErrorReporter}
 * renders failures): its exit code, what it printed through picocli's writers, and the raw bytes written to
 * {@code System.out} (where {@code --output -} streams a tar). Standard input is the given bytes for the run.
 */
record CliRun(int exitCode, String out, String err, byte[] stdout) {

    CliRun {
        stdout = stdout.clone();
    }

    /** Runs {@code args} with empty standard input. */
    static CliRun of(String... args) {
        return withStdin(new byte[0], args);
    }

    /** Runs {@code args} reading {@code stdin}. */
    static CliRun withStdin(byte[] stdin, String... args) {
        return with(CommandLine.defaultFactory(), stdin, args);
    }

    /** Runs {@code args} with commands made by {@code factory}, for tests that inject a clock or streams. */
    static CliRun with(CommandLine.IFactory factory, byte[] stdin, String... args) {
        PrintStream savedOut = System.out;
        InputStream savedIn = System.in;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        // Before the command tree is made: commands take System.in when they are constructed.
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(stdin));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = Main.commandLine(factory);
            commandLine.setOut(new PrintWriter(out));
            commandLine.setErr(new PrintWriter(err));
            commandLine.setExecutionExceptionHandler(new ErrorReporter());
            int exitCode = commandLine.execute(args);
            return new CliRun(exitCode, out.toString(), err.toString(), stdout.toByteArray());
        } finally {
            System.setOut(savedOut);
            System.setIn(savedIn);
        }
    }
}
