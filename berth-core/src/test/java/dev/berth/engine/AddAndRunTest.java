package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.BuildResult;
import dev.berth.error.ExecutionException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddAndRunTest {

    @TempDir
    Path directory;

    @Test
    void addExtractsALocalGzipTar() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(fixture.context.resolve("app.tar.gz")));
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                byte[] content = "hi".getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("bin/tool");
                entry.setSize(content.length);
                entry.setMode(0755);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }

            BuildResult result = fixture.build("FROM scratch\nADD app.tar.gz /opt/\n");

            assertThat(fixture.lastLayer(result)).containsExactly("opt dir 755 0:0", "opt/bin dir 755 0:0",
                    "opt/bin/tool file 755 0:0 hi");
            assertThat(fixture.config(result).history().getLast().createdBy()).isEqualTo("ADD app.tar.gz /opt/ # buildkit");
        }
    }

    @Test
    void runGetsTheResolvedProcessAndHistoryNamesTheArgs() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            BuildResult result = fixture.build("""
                    FROM scratch
                    ARG VERSION=1
                    ENV HOME=/root
                    USER 10:10
                    WORKDIR /src
                    RUN make all
                    """, request -> request.buildArgs(Map.of("VERSION", "2")));

            var process = fixture.runs.invocations.getFirst().process();
            assertThat(process.args()).containsExactly("/bin/sh", "-c", "make all");
            assertThat(process.env()).containsExactly(BuildEngine.DEFAULT_PATH, "HOME=/root", "VERSION=2");
            assertThat(process.user()).isEqualTo("10:10");
            assertThat(process.workingDir()).isEqualTo("/src");
            assertThat(fixture.runs.invocations.getFirst().layers()).hasSize(1);
            assertThat(fixture.config(result).history().getLast().createdBy())
                    .isEqualTo("RUN |1 VERSION=2 /bin/sh -c make all # buildkit");
        }
    }

    @Test
    void failingRunShowsLineAndLastOutput() {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            assertThatThrownBy(() -> fixture.build("FROM scratch\nENV A=1\nRUN fail now\n"))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("RUN at ")
                    .hasMessageContaining("Dockerfile:3 failed: process exited with code 2")
                    .hasMessageContaining("last output:\n  compiling\n  error: it broke");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
