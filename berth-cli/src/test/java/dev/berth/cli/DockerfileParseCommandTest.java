package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileParseCommandTest {

    @TempDir
    Path dir;

    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    private String write(String text) throws IOException {
        Path file = dir.resolve("Dockerfile");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file.toString();
    }

    @Test
    void dumpPrintsBuildKitsSExpressions() throws IOException {
        String file = write("FROM alpine AS base\nCOPY --from=base [\"a\", \"b\"]\nONBUILD RUN echo é\n");

        assertThat(run("dockerfile", "parse", "--dump", file)).isZero();
        assertThat(last.out()).isEqualTo(
                "(from \"alpine\" \"AS\" \"base\")\n(copy [\"--from=base\"] \"a\" \"b\")\n(onbuild (run \"echo é\"))\n");
        assertThat(last.err()).isEmpty();
    }

    @Test
    void dumpIsTheDefault() throws IOException {
        String file = write("FROM a\n");

        assertThat(run("dockerfile", "parse", file)).isZero();
        assertThat(last.out()).isEqualTo("(from \"a\")\n");
    }

    @Test
    void jsonShowsDirectivesHeredocsAndWarnings() throws IOException {
        String file = write("# escape=`\nFROM a\nRUN <<-EOF\n\techo hi\nEOF\nUSER me `\n\n  too\n");

        assertThat(run("dockerfile", "parse", "--json", file)).isZero();
        assertThat(last.out()).isEqualTo("""
                {
                  "escape" : "`",
                  "directives" : [ {
                    "name" : "escape",
                    "value" : "`",
                    "line" : 1
                  } ],
                  "instructions" : [ {
                    "keyword" : "from",
                    "flags" : [ ],
                    "args" : [ "a" ],
                    "json" : false,
                    "startLine" : 2,
                    "endLine" : 2,
                    "heredocs" : [ ],
                    "child" : null
                  }, {
                    "keyword" : "run",
                    "flags" : [ ],
                    "args" : [ "<<-EOF" ],
                    "json" : false,
                    "startLine" : 3,
                    "endLine" : 5,
                    "heredocs" : [ {
                      "name" : "EOF",
                      "fileDescriptor" : 0,
                      "expand" : true,
                      "chomp" : true,
                      "content" : "\\techo hi\\n"
                    } ],
                    "child" : null
                  }, {
                    "keyword" : "user",
                    "flags" : [ ],
                    "args" : [ "me   too" ],
                    "json" : false,
                    "startLine" : 6,
                    "endLine" : 8,
                    "heredocs" : [ ],
                    "child" : null
                  } ],
                  "warnings" : [ {
                    "line" : 8,
                    "message" : "empty continuation line found in: USER me   too (empty continuation lines will become errors in a future release)"
                  } ]
                }
                """);
        assertThat(last.err()).startsWith(file + ":8: warning: empty continuation line found in: USER me   too");
    }

    @Test
    void parseErrorPrintsNothingOnStdoutAndTheLineWithACaretOnStderr() throws IOException {
        String file = write("FROM a\nENV ONLYKEY\n");

        assertThat(run("dockerfile", "parse", "--dump", file)).isEqualTo(1);
        assertThat(last.out()).isEmpty();
        assertThat(last.err()).isEqualTo(file + ":2: ENV must have two arguments\n"
                + " --> " + file + ":2:1\n"
                + "  |\n"
                + "2 | ENV ONLYKEY\n"
                + "  | ^^^\n");
    }

    @Test
    void dashReadsStandardInput() {
        CliRun run = CliRun.withStdin("FROM stdin\n".getBytes(StandardCharsets.UTF_8), "dockerfile", "parse", "--dump", "-");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("(from \"stdin\")\n");
    }

    @Test
    void missingFileIsNotFound() {
        assertThat(run("dockerfile", "parse", dir.resolve("nope").toString())).isNotZero().isNotEqualTo(70);
        assertThat(last.err()).contains("no such file");
    }

    @Test
    void dumpAndJsonAreExclusive() throws IOException {
        assertThat(run("dockerfile", "parse", "--dump", "--json", write("FROM a\n"))).isEqualTo(2);
    }
}
