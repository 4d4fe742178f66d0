package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileCheckCommandTest {

    @TempDir
    Path context;

    private CliRun last;

    @Test
    void printsEveryDiagnosticAndACountAndFailsOnErrors() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), """
                FROM alpine as build
                COPPY . /app
                CMD run
                """);

        int exit = run("dockerfile", "check", context.toString());

        assertThat(exit).isEqualTo(1);
        // BuildKit's two warnings, and the best practices': the base has no tag, the image runs as root.
        assertThat(last.out()).isEqualTo("1 errors, 4 warnings, 0 infos\n");
        String file = context.resolve("Dockerfile").toString();
        assertThat(last.err())
                .contains(file + ":1: warning: FromAsCasing: 'as' and 'FROM' keywords' casing do not match\n")
                .contains(file + ":2: unknown instruction \"COPPY\": did you mean COPY?\n"
                        + " --> " + file + ":2:1\n  |\n2 | COPPY . /app\n  | ^^^^^\n")
                .contains(file + ":3: warning: JSONArgsRecommended: ");
    }

    @Test
    void buildArgsAndTargetReachTheChecker() throws IOException {
        Path dockerfile = context.resolve("app.Dockerfile");
        Files.writeString(dockerfile, """
                FROM alpine:3.20 AS build
                ARG PORT
                USER 1000
                EXPOSE $PORT
                HEALTHCHECK NONE
                """);

        assertThat(run("dockerfile", "check", "-f", dockerfile.toString(), "--build-arg", "PORT=8080",
                "--target", "build")).isZero();
        assertThat(last.out()).isEqualTo("0 errors, 0 warnings, 0 infos\n");
        assertThat(last.err()).isEmpty();

        assertThat(run("dockerfile", "check", "-f", dockerfile.toString(), "--build-arg", "PORT=http")).isEqualTo(1);
        assertThat(last.err()).contains(dockerfile + ":4: invalid containerPort: http\n");
    }

    /** Regression: check said "0 errors" for a COPY of a file .dockerignore excludes, which the build refuses. */
    @Test
    void whatTheBuildRefusesBeforeRunningIsAnErrorOfCheckToo() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), """
                FROM alpine
                COPY secret.env /app/
                COPY missing.txt /app/
                ADD --chmod=u+x run.sh /bin/
                """);
        Files.writeString(context.resolve(".dockerignore"), "*.env\n");
        Files.writeString(context.resolve("secret.env"), "A=1");
        Files.writeString(context.resolve("run.sh"), "true");

        int exit = run("dockerfile", "check", context.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(last.out()).isEqualTo("3 errors, 2 warnings, 0 infos\n");
        String file = context.resolve("Dockerfile").toString();
        assertThat(last.err())
                .contains(file + ":2: \"secret.env\" is excluded by .dockerignore line 1 (*.env)\n --> " + file + ":2:6\n")
                .contains(file + ":3: \"missing.txt\": not found in the build context\n --> " + file + ":3:6\n")
                .contains(file + ":4: invalid --chmod=u+x: only octal modes are supported\n --> " + file + ":4:5\n");
    }

    @Test
    void aMissingDockerfileIsNotFound() {
        int exit = run("dockerfile", "check", context.resolve("nowhere").toString());

        // 2: could not check, as berth check says.
        assertThat(exit).isEqualTo(2);
        assertThat(last.err()).startsWith("berth check: cannot read Dockerfile " + context.resolve("nowhere/Dockerfile"));
    }

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }
}
