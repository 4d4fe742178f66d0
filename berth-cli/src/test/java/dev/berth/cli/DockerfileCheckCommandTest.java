package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DockerfileCheckCommandTest {

    @TempDir
    Path context;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsEveryDiagnosticAndACountAndFailsOnErrors() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), """
                FROM alpine as build
                COPPY . /app
                CMD run
                """);

        int exit = run("dockerfile", "check", context.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("1 errors, 2 warnings\n");
        String file = context.resolve("Dockerfile").toString();
        assertThat(err.toString())
                .contains(file + ":1: warning: FromAsCasing: 'as' and 'FROM' keywords' casing do not match\n")
                .contains(file + ":2: unknown instruction \"COPPY\": did you mean COPY?\n"
                        + " --> " + file + ":2:1\n  |\n2 | COPPY . /app\n  | ^^^^^\n")
                .contains(file + ":3: warning: JSONArgsRecommended: ");
    }

    @Test
    void buildArgsAndTargetReachTheChecker() throws IOException {
        Path dockerfile = context.resolve("app.Dockerfile");
        Files.writeString(dockerfile, """
                FROM alpine AS build
                ARG PORT
                EXPOSE $PORT
                """);

        assertThat(run("dockerfile", "check", "-f", dockerfile.toString(), "--build-arg", "PORT=8080",
                "--target", "build")).isZero();
        assertThat(out.toString()).isEqualTo("0 errors, 0 warnings\n");
        assertThat(err.toString()).isEmpty();

        assertThat(run("dockerfile", "check", "-f", dockerfile.toString(), "--build-arg", "PORT=http")).isEqualTo(1);
        assertThat(err.toString()).contains(dockerfile + ":3: invalid containerPort: http\n");
    }

    @Test
    void aMissingDockerfileIsNotFound() {
        int exit = run("dockerfile", "check", context.resolve("nowhere").toString());

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).startsWith("berth: reading Dockerfile " + context.resolve("nowhere/Dockerfile"));
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = Main.commandLine(CommandLine.defaultFactory());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }
}
