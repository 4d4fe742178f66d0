package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth compose ... config}: the global options reach the loader, the views print, errors exit 1 or 3. */
class ComposeConfigCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void printsTheProjectWithTheNameAndFilesGiven() throws IOException {
        Path base = write("a.yaml", "services:\n  web:\n    image: web:1\n    environment: [A=yes]\n");
        Path override = write("b.yaml", "services:\n  web:\n    image: web:2\n");

        CliRun run = CliRun.of("compose", "-f", base.toString(), "-f", override.toString(), "-p", "demo", "config");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                name: demo
                services:
                  web:
                    environment:
                      A: "yes"
                    image: web:2
                    networks:
                      default: null
                networks:
                  default:
                    name: demo_default
                """);
    }

    @Test
    void printsTheListsAndTheJson() throws IOException {
        Path file = write("compose.yaml", "services:\n  b:\n    image: b\n    profiles: [p]\n  a:\n    build: .\n");

        assertThat(CliRun.of("compose", "-f", file.toString(), "-p", "x", "--profile", "p", "config", "--services")
                .out()).isEqualTo("a\nb\n");
        assertThat(CliRun.of("compose", "-f", file.toString(), "-p", "x", "config", "--profiles").out())
                .isEqualTo("p\n");
        assertThat(CliRun.of("compose", "-f", file.toString(), "-p", "x", "config", "--images").out())
                .isEqualTo("x-a\n");
        assertThat(CliRun.of("compose", "-f", file.toString(), "-p", "x", "config", "--hash", "a").out())
                .matches("a [0-9a-f]{64}\n");
        assertThat(CliRun.of("compose", "-f", file.toString(), "-p", "x", "config", "--format", "json").out())
                .startsWith("{\n  \"name\": \"x\",\n").endsWith("}");
    }

    @Test
    void anInvalidProjectNamesFileLineAndAttribute() throws IOException {
        Path file = write("compose.yaml", "services:\n  web:\n    image: web\n    depends_on: [db]\n");

        CliRun run = CliRun.of("compose", "-f", file.toString(), "config");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(file + ":4: services.web.depends_on: service \"web\" depends on undefined"
                + " service \"db\"");
    }

    @Test
    void aMissingFileExitsThree() {
        CliRun run = CliRun.of("compose", "-f", dir.resolve("nothing.yaml").toString(), "config");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("nothing.yaml: no such file or directory");
    }
}
