package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * COPY and ADD here-documents, as BuildKit makes them. Regression: every COPY heredoc failed with
 * {@code "<<EOF": not found in the build context}, the quoted ones because the marker was expanded as a path.
 */
class CopyHeredocTest {

    @TempDir
    Path directory;

    private BuildFixture fixture;

    @BeforeEach
    void context() throws IOException {
        fixture = new BuildFixture(directory);
        fixture.file("a.txt", "A");
        java.nio.file.Files.setPosixFilePermissions(fixture.context.resolve("a.txt"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Each row: the Dockerfile after {@code FROM scratch} ({@code ;} for a new line, {@code \t} a tab) and the last layer. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            quoted delimiter: no expansion       | ARG HOME=/h;COPY <<'EOF' /opt/run;echo "$HOME";EOF                   | opt dir 755 0:0;opt/run file 644 0:0 echo "$HOME"\\n
            unquoted: ARG expanded, quotes kept  | ARG NAME=world;COPY <<EOF /greeting;hello ${NAME} "q" 'r' \\$X;EOF | greeting file 644 0:0 hello world "q" 'r' $X\\n
            ENV expanded too                     | ENV WHO=svc;COPY <<EOF /who;$WHO;EOF                                 | who file 644 0:0 svc\\n
            <<- strips leading tabs              | COPY <<-EOF /t;\\t\\tindented;\\tEOF                                 | t file 644 0:0 indented\\n
            several heredocs into a directory    | COPY <<one <<two /dst/;1;one;2;two                                   | dst dir 755 0:0;dst/one file 644 0:0 1\\n;dst/two file 644 0:0 2\\n
            a source and a heredoc               | COPY a.txt <<EOF /d;E;EOF                                            | d dir 755 0:0;d/EOF file 644 0:0 E\\n;d/a.txt file 644 0:0 A
            --chmod and --chown                  | COPY --chmod=0755 --chown=10:20 <<EOF /bin/run;#!/bin/sh;EOF         | bin dir 755 10:20;bin/run file 755 10:20 #!/bin/sh\\n
            into the working directory           | WORKDIR /app;COPY <<EOF ./;x;EOF                                     | app dir 755 0:0;app/EOF file 644 0:0 x\\n
            ADD takes heredocs as COPY does      | ADD <<EOF /etc/motd;welcome;EOF                                      | etc dir 755 0:0;etc/motd file 644 0:0 welcome\\n
            """)
    void heredocsBecomeFiles(String name, String steps, String expected) throws IOException {
        String dockerfile = "FROM scratch\n" + steps.replace(";", "\n").replace("\\t", "\t") + "\n";

        var result = fixture.build(dockerfile);

        assertThat(String.join(";", fixture.lastLayer(result))).isEqualTo(expected.strip().replace("\\n", "\n"));
    }

    /** BuildKit expands heredoc contents with its default lexer: a backslash escapes even under # escape=`. */
    @Test
    void aHeredocIsExpandedWithTheBackslashWhateverTheEscapeDirective() throws IOException {
        var result = fixture.build("# escape=`\nFROM scratch\nARG A=1\nCOPY <<EOF /s\n`date` \\$A $A\nEOF\n");

        assertThat(fixture.lastLayer(result)).containsExactly("s file 644 0:0 `date` $A 1\n");
    }

    @Test
    void theHistorySaysWhichHeredocsWereCopied() throws IOException {
        var result = fixture.build("FROM scratch\nCOPY a.txt <<one <<two /d/\n1\none\n2\ntwo\n");

        assertThat(fixture.config(result).history().getLast().createdBy()).isEqualTo("COPY a.txt <<one <<two /d/ # buildkit");
    }

    @Test
    void anExpandedValueThatChangesIsACacheMiss() throws IOException {
        String dockerfile = "FROM scratch\nARG V\nCOPY <<EOF /v\n$V\nEOF\n";
        fixture.build(dockerfile, request -> request.buildArgs(BuildFixture.args("V", "1")));
        fixture.build(dockerfile, request -> request.buildArgs(BuildFixture.args("V", "1")));
        assertThat(fixture.cachedSteps()).isPositive();

        var changed = fixture.build(dockerfile, request -> request.buildArgs(BuildFixture.args("V", "2")));

        assertThat(fixture.cachedSteps()).isZero();
        assertThat(fixture.lastLayer(changed)).containsExactly("v file 644 0:0 2\n");
    }
}
