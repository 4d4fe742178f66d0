package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import dev.berth.testing.CompressedBytes;
import dev.berth.testing.TarBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code berth build -f - DIR} and {@code berth build -}: the Dockerfile or the whole context on stdin. */
class BuildStdinTest {

    @TempDir
    Path directory;

    private Path context;
    private Path root;
    private Path out;

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
        CliRun result = CliRun.withStdin("FROM scratch\nCOPY hello.txt /from-stdin\n".getBytes(StandardCharsets.UTF_8),
                "build", "--root", root.toString(), "-f", "-", "-t", "stdin:1", "-o", "type=image", "-o", out.toString(),
                context.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("from-stdin"))).isEqualTo("hello\n");
        assertThat(out.resolve("from-context-dockerfile")).doesNotExist();
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            assertThat(store.images().resolve("docker.io/library/stdin:1")).isPresent();
        }
    }

    @Test
    void aBuildThatFailsBeforeItStartsRemovesTheUnpackedContext() throws IOException {
        byte[] tar = new TarBuilder().file("Dockerfile", "FROM scratch\nCOPY data.txt /in-tar\n")
                .file("data.txt", "from the tar\n").build();
        long before = unpackedContexts();

        CliRun result = CliRun.withStdin(tar, "build", "--root", root.toString(), "--build-arg",
                "SOURCE_DATE_EPOCH=not-a-number", "-");

        assertThat(result.exitCode()).isNotZero();
        assertThat(unpackedContexts()).isEqualTo(before);
    }

    private static long unpackedContexts() throws IOException {
        try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith("berth-context-")).count();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain", "gzip", "bzip2", "xz"})
    void contextTarOnStdinWithItsDockerfile(String compression) throws IOException {
        byte[] tar = new TarBuilder().file("Dockerfile", "FROM scratch\nCOPY data.txt /in-tar\n")
                .file("data.txt", "from the tar\n").build();

        CliRun result = CliRun.withStdin(CompressedBytes.of(compression, tar), "build", "--root", root.toString(), "-o",
                out.toString(), "-");

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("in-tar"))).isEqualTo("from the tar\n");
    }

    @Test
    void dashFNamesAFileInsideTheStdinTar() throws IOException {
        byte[] tar = new TarBuilder().file("build/Other.df", "FROM scratch\nCOPY data.txt /other\n")
                .file("data.txt", "x\n").build();

        CliRun result = CliRun.withStdin(tar, "build", "--root", root.toString(), "-f", "build/Other.df", "-o", out.toString(), "-");

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("other"))).isEqualTo("x\n");
    }

    @Test
    void aDockerfileAloneOnStdinBuildsWithAnEmptyContext() throws IOException {
        CliRun result = CliRun.withStdin("FROM scratch\nENV ALONE=1\nWORKDIR /w\n".getBytes(StandardCharsets.UTF_8),
                "build", "--root", root.toString(), "-o", out.toString(), "-");

        assertThat(result.exitCode()).isZero();
        assertThat(out.resolve("w")).isDirectory();
    }

    @Test
    void aDockerfileAloneHasNoContextToCopyFrom() {
        CliRun result = CliRun.withStdin("FROM scratch\nCOPY hello.txt /x\n".getBytes(StandardCharsets.UTF_8),
                "build", "--root", root.toString(), "-");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains(":2: \"hello.txt\": not found in the build context");
    }

    @Test
    void contextAndDockerfileCannotBothBeStdin() {
        CliRun result = CliRun.withStdin(new byte[0], "build", "--root", root.toString(), "-f", "-", "-");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("the context and the Dockerfile cannot both come from stdin");
    }
}
