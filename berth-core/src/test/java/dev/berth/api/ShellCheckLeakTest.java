package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.diagnostic.SourceFile;
import dev.berth.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: {@code berth check} started shellcheck before reading the context and running its rules, and a context
 * that threw (a malformed {@code .dockerignore}) left the shellcheck process running. The stand-in shellcheck here
 * sleeps under a name in this test's directory, so that any process of it left behind is found among this JVM's
 * descendants.
 */
class ShellCheckLeakTest {

    @TempDir
    Path directory;

    @Test
    void aShellCheckIsKilledWhenTheCheckFailsBeforeReadingIt() throws IOException {
        Path bin = Files.createDirectories(directory.resolve("bin"));
        // A copy, not a link: the process's command is its executable's real path.
        Files.copy(Path.of("/bin/sleep"), bin.resolve("snooze"));
        Path program = bin.resolve("shellcheck");
        Files.writeString(program, "#!/bin/sh\nexec \"$(dirname \"$0\")/snooze\" 60\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path context = Files.createDirectories(directory.resolve("context"));
        Files.writeString(context.resolve(".dockerignore"), "[\n");
        CheckRequest request = CheckRequest.builder(new SourceFile("Dockerfile", "FROM alpine:3.20\nRUN echo $1\n"))
                .context(context).shellcheck(program).build();

        assertThatThrownBy(() -> SourceTools.checkDockerfile(request)).isInstanceOf(InvalidInputException.class);

        assertThat(left()).isEmpty();
    }

    /** This JVM's descendants started from this test's directory. */
    private List<String> left() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(process -> process.info().command().orElse("") + " " + process.info().commandLine().orElse(""))
                .filter(command -> command.contains(directory.toString())).toList();
    }
}
