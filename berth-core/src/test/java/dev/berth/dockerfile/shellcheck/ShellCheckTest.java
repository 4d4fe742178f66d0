package dev.berth.dockerfile.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.check.DockerfileChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runner against a stand-in {@code shellcheck} (a shell script that prints a given json1 report and exits with a
 * given status), so that the mapping and the failures are exact whatever ShellCheck version is installed; the real
 * one is {@code ShellCheckRulesIT}'s.
 */
class ShellCheckTest {

    private static final SourceFile SOURCE = new SourceFile("Dockerfile",
            "FROM a\nARG version\nRUN echo $1 && \\\n    cd /x\nRUN <<EOF\nls\nEOF\n");

    /** The stand-in program's. */
    @TempDir
    Path directory;
    /** Where the runner writes its scripts: this test's own, so that what it leaves is seen, whatever else runs. */
    @TempDir
    Path scratch;

    @Test
    void commentsMapBackThroughTheHeaderAndTheContinuationLines() throws IOException {
        // The first script ($5: after --norc -f json1 --exclude) has two header lines (the directive and "export
        // version"): its line 3 is the RUN.
        Path program = fake(0, """
                {"comments":[
                 {"file":"$5","line":3,"endLine":3,"column":6,"endColumn":8,"level":"info","code":2086,"message":"Quote it."},
                 {"file":"$5","line":3,"endLine":3,"column":16,"endColumn":21,"level":"warning","code":2164,"message":"cd fails?"},
                 {"file":"$6","line":3,"endLine":3,"column":1,"endColumn":3,"level":"style","code":2012,"message":"find."},
                 {"file":"$5","line":1,"endLine":1,"column":1,"endColumn":2,"level":"error","code":1000,"message":"header"}
                ]}""");

        ShellCheckResult result = shellcheck(program).start(scripts()).finish(SOURCE);

        assertThat(result.failure()).isEmpty();
        assertThat(result.findings()).containsExactly(
                new ShellCheckFinding("SC2086", ShellCheckFinding.Level.INFO, SourceRange.columns(3, 10, 12), "Quote it.", 3),
                new ShellCheckFinding("SC2164", ShellCheckFinding.Level.WARNING, SourceRange.columns(4, 5, 10), "cd fails?", 3),
                new ShellCheckFinding("SC2012", ShellCheckFinding.Level.STYLE, SourceRange.columns(6, 1, 3), "find.", 5));
    }

    @ParameterizedTest(name = "exit {0} printing {1}")
    @CsvSource(delimiter = ';', textBlock = """
            3 ; ''                ; shellcheck exited with status 3: refused
            1 ; not json          ; shellcheck's report is not json1:
            """)
    void aShellCheckThatFailsIsAFailureNotAPass(int exit, String output, String why) throws IOException {
        ShellCheckResult result = shellcheck(fake(exit, output)).start(scripts()).finish(SOURCE);

        assertThat(result.findings()).isEmpty();
        assertThat(result.failure()).get().asString().startsWith(why);
    }

    @Test
    void aMissingProgramIsAFailure() {
        ShellCheckResult result = shellcheck(directory.resolve("nowhere/shellcheck")).start(scripts()).finish(SOURCE);

        assertThat(result.failure()).get().asString().startsWith("cannot run " + directory.resolve("nowhere/shellcheck"));
    }

    @Test
    void itsFilesAreRemovedAndNothingRunsWithoutScripts() throws IOException {
        shellcheck(fake(0, "{\"comments\":[]}")).start(scripts()).finish(SOURCE);
        shellcheck(fake(0, "{\"comments\":[]}")).start(scripts()).close();
        ShellCheckResult none = shellcheck(directory.resolve("never-run")).start(List.of()).finish(SOURCE);

        assertThat(scratch).isEmptyDirectory();
        assertThat(none).isEqualTo(new ShellCheckResult(List.of(), Optional.empty()));
    }

    @Test
    void aUsersRcFileAndShellcheckOptsDoNotReachIt() throws IOException {
        // Regression: shellcheck ran without --norc and with SHELLCHECK_OPTS, so the user's settings changed findings.
        Path program = directory.resolve("shellcheck");
        Path seen = directory.resolve("seen");
        Files.writeString(program, "#!/bin/sh\necho \"$* opts=${SHELLCHECK_OPTS-unset} home=$HOME\" > " + seen
                + "\necho '{\"comments\":[]}'\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));

        new ShellCheck(program, Map.of("SHELLCHECK_OPTS", "--enable=all", "HOME", "/home/someone"), scratch)
                .start(scripts()).finish(SOURCE);

        assertThat(Files.readString(seen)).startsWith("--norc -f json1 ").contains("opts=unset home=/home/someone");
    }

    @Test
    void findLooksOnThePath() throws IOException {
        Path program = fake(0, "");

        assertThat(ShellCheck.find(Map.of("PATH", "/nonexistent:" + directory))).contains(program);
        assertThat(ShellCheck.find(Map.of("PATH", "/nonexistent"))).isEmpty();
        assertThat(ShellCheck.find(Map.of("PATH", ""))).isEmpty();
    }

    private static List<RunScript> scripts() {
        return RunScripts.of(new DockerfileChecker().check(SOURCE, Map.of(), Optional.empty()).expanded().orElseThrow());
    }

    private Path fake(int exit, String report) throws IOException {
        Path program = directory.resolve("shellcheck");
        Files.writeString(program, "#!/bin/sh\necho refused >&2\ncat <<JSON\n" + report + "\nJSON\nexit " + exit + "\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return program;
    }

    private ShellCheck shellcheck(Path program) {
        return new ShellCheck(program, Map.of("PATH", "/usr/bin:/bin"), scratch);
    }
}
