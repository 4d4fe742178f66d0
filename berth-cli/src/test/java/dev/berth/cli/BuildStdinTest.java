package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code berth build -f - DIR} and {@code berth build -}: the Dockerfile or the whole context on stdin. */
class BuildStdinTest {

    @TempDir
    Path directory;

    private Path context;
    private Path root;
    private Path out;

    record Result(int exitCode, String err) {}

    @BeforeEach
    void context() throws IOException {
        context = Files.createDirectories(directory.resolve("app"));
        root = directory.resolve("store");
        out = directory.resolve("out");
        Files.writeString(context.resolve("hello.txt"), "hello\n");
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY hello.txt /from-context-dockerfile\n");
    }

    @Test
    void dockerfileOnStdinWithAContextDirectory() throws IOException {
        Result result = run("FROM scratch\nCOPY hello.txt /from-stdin\n".getBytes(StandardCharsets.UTF_8),
                "build", "--root", root.toString(), "-f", "-", "-t", "stdin:1", "-o", "type=image", "-o", out.toString(),
                context.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("from-stdin"))).isEqualTo("hello\n");
        assertThat(out.resolve("from-context-dockerfile")).doesNotExist();
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            assertThat(store.images().resolve("docker.io/library/stdin:1")).isPresent();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain", "gzip", "bzip2", "xz"})
    void contextTarOnStdinWithItsDockerfile(String compression) throws IOException {
        byte[] tar = tar("Dockerfile", "FROM scratch\nCOPY data.txt /in-tar\n", "data.txt", "from the tar\n");

        Result result = run(compress(compression, tar), "build", "--root", root.toString(), "-o", out.toString(), "-");

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("in-tar"))).isEqualTo("from the tar\n");
    }

    @Test
    void dashFNamesAFileInsideTheStdinTar() throws IOException {
        byte[] tar = tar("build/Other.df", "FROM scratch\nCOPY data.txt /other\n", "data.txt", "x\n");

        Result result = run(tar, "build", "--root", root.toString(), "-f", "build/Other.df", "-o", out.toString(), "-");

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("other"))).isEqualTo("x\n");
    }

    @Test
    void aDockerfileAloneOnStdinBuildsWithAnEmptyContext() throws IOException {
        Result result = run("FROM scratch\nENV ALONE=1\nWORKDIR /w\n".getBytes(StandardCharsets.UTF_8),
                "build", "--root", root.toString(), "-o", out.toString(), "-");

        assertThat(result.exitCode()).isZero();
        assertThat(out.resolve("w")).isDirectory();
    }

    @Test
    void aDockerfileAloneHasNoContextToCopyFrom() {
        Result result = run("FROM scratch\nCOPY hello.txt /x\n".getBytes(StandardCharsets.UTF_8),
                "build", "--root", root.toString(), "-");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains(":2: \"hello.txt\": not found in the build context");
    }

    @Test
    void contextAndDockerfileCannotBothBeStdin() {
        Result result = run(new byte[0], "build", "--root", root.toString(), "-f", "-", "-");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("the context and the Dockerfile cannot both come from stdin");
    }

    private static byte[] tar(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(namesAndContents[i]);
                entry.setSize(content.length);
                entry.setMode(0644);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] compress(String compression, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream sink = switch (compression) {
            case "plain" -> bytes;
            case "gzip" -> new GzipCompressorOutputStream(bytes);
            case "bzip2" -> new BZip2CompressorOutputStream(bytes);
            case "xz" -> new XZCompressorOutputStream(bytes);
            default -> throw new IllegalArgumentException(compression);
        }) {
            sink.write(data);
        }
        return bytes.toByteArray();
    }

    private Result run(byte[] stdin, String... args) {
        StringWriter outText = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(CommandLine.defaultFactory());
        commandLine.setOut(new PrintWriter(outText));
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin));
        try {
            return new Result(commandLine.execute(args), err.toString());
        } finally {
            System.setIn(saved);
        }
    }
}
