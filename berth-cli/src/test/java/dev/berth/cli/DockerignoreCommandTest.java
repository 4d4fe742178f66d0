package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerignoreCommandTest {

    @TempDir
    Path dir;

    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    @Test
    void matchAnswersEachJsonLine() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), """
                {"patterns": ["*.go", "!main.go"], "path": "a.go"}
                {"patterns": ["*.go", "!main.go"], "path": "main.go"}
                {"patterns": ["docs"], "path": "docs/a/b.md"}

                {"patterns": ["a[b"], "path": "x"}
                {"path": "x"}
                not json
                """);

        assertThat(run("dockerignore", "match", input.toString())).isZero();

        assertThat(last.out()).isEqualTo("""
                {"match":true}
                {"match":false}
                {"match":true}
                {"error":"bad ignore pattern \\"a[b\\": character class is not closed with ]"}
                {"error":"expected {\\"patterns\\": [strings], \\"path\\": string}"}
                {"error":"not JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"}
                """);
    }

    @Test
    void readPrintsCleanedPatternsKeepingExceptionMarks() throws IOException {
        Path file = Files.writeString(dir.resolve(".dockerignore"), "# c\n /a//b/ \n!  ./keep\n\n*.log\n");

        assertThat(run("dockerignore", "read", file.toString())).isZero();

        assertThat(last.out()).isEqualTo("a/b\n!keep\n*.log\n");
    }

    @Test
    void readOfAMissingFileIsNotFound() {
        assertThat(run("dockerignore", "read", dir.resolve("nope").toString())).isEqualTo(3);
        assertThat(last.err()).startsWith("berth: reading ignore file ").contains("no such file");
    }
}
