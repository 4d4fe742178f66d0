package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code berth build --output}: buildx's exporters and their shorthands, in process. */
class BuildOutputTest {

    private static final String NAME = "docker.io/library/out-test:1";

    @TempDir
    Path directory;

    private Path context;
    private Path root;

    @BeforeEach
    void context() throws IOException {
        context = Files.createDirectories(directory.resolve("app"));
        root = directory.resolve("store");
        Files.writeString(context.resolve("hello.txt"), "hello\n");
        Files.writeString(context.resolve("Dockerfile"), """
                FROM scratch
                COPY --chown=7:8 hello.txt /srv/
                CMD ["cat", "/srv/hello.txt"]
                """);
    }

    @Test
    void dockerArchiveIsWrittenAndTheImageIsNotTagged() throws IOException {
        Path archive = directory.resolve("out/image.tar");

        CliRun result = CliRun.of("build", "--root", root.toString(), "-t", "out-test:1", "--iidfile",
                directory.resolve("iid").toString(), "--output", "type=docker,dest=" + archive, context.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("exporting the image as a Docker archive to " + archive + " done")
                .doesNotContain("naming to");
        Map<String, byte[]> entries = entries(Files.readAllBytes(archive));
        String imageId = Files.readString(directory.resolve("iid"));
        assertThat(new String(entries.get("manifest.json"), StandardCharsets.UTF_8))
                .startsWith("[{\"Config\":\"blobs/sha256/" + imageId.substring(7) + "\",\"RepoTags\":[\"out-test:1\"],\"Layers\":[\"blobs/sha256/");
        assertThat(entries).containsKeys("index.json", "oci-layout", "repositories");
        assertThat(new String(entries.get("index.json"), StandardCharsets.UTF_8)).contains("\"io.containerd.image.name\":\"" + NAME + "\"");
        // Layers are gzip, as BuildKit's docker exporter writes them.
        List<byte[]> layers = entries.entrySet().stream().filter(entry -> entry.getKey().startsWith("blobs/sha256/"))
                .map(Map.Entry::getValue).filter(bytes -> bytes.length > 2 && (bytes[0] & 0xff) == 0x1f).toList();
        assertThat(layers).hasSize(1);
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            assertThat(store.images().list()).isEmpty();
        }
    }

    @Test
    void ociArchiveHasNoDockerManifest() throws IOException {
        Path archive = directory.resolve("image.oci.tar");

        CliRun result = CliRun.of("build", "--root", root.toString(), "-t", "out-test:1", "-o", "type=oci,dest=" + archive,
                context.toString());

        assertThat(result.exitCode()).isZero();
        Map<String, byte[]> entries = entries(Files.readAllBytes(archive));
        assertThat(entries).containsKeys("index.json", "oci-layout").doesNotContainKeys("manifest.json", "repositories");
        assertThat(new String(entries.get("index.json"), StandardCharsets.UTF_8))
                .contains("\"org.opencontainers.image.ref.name\":\"1\"");
    }

    @Test
    void imageAndArchiveTogetherStoreAndWrite() throws IOException {
        Path archive = directory.resolve("image.tar");

        CliRun result = CliRun.of("build", "--root", root.toString(), "-t", "out-test:1", "-o", "type=image",
                "-o", "type=docker,dest=" + archive, context.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("naming to " + NAME + " done");
        assertThat(archive).isRegularFile();
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            assertThat(store.images().resolve(NAME)).isPresent();
        }
    }

    @ParameterizedTest(name = "-o {0}")
    @CsvSource(delimiter = '|', value = {"type=tar,dest=-", "-"})
    void tarOfTheFileSystemGoesToStdout(String output) throws IOException {
        CliRun result = CliRun.of("build", "--root", root.toString(), "-o", output, context.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(listing(result.stdout())).containsExactly("srv/ 755 7:8", "srv/hello.txt 644 7:8 hello\n");
    }

    @Test
    void tarToAFileKeepsOwners() throws IOException {
        Path tar = directory.resolve("rootfs.tar");

        CliRun.of("build", "--root", root.toString(), "-o", "type=tar,dest=" + tar, context.toString());

        assertThat(listing(Files.readAllBytes(tar))).containsExactly("srv/ 755 7:8", "srv/hello.txt 644 7:8 hello\n");
    }

    @Test
    void aBarePathIsALocalDirectory() throws IOException {
        Path out = directory.resolve("files");

        CliRun result = CliRun.of("build", "--root", root.toString(), "-o", out.toString(), context.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("srv/hello.txt"))).isEqualTo("hello\n");
    }

    @ParameterizedTest(name = "-o {0}")
    @CsvSource(delimiter = '|', value = {
            "type=registry                 | unknown output type \"registry\"          | 1 | ^^^^^^^^^^^^^",
            "type=docker                   | type=docker needs dest=FILE             | 1 | ^^^^^^^^^^^",
            "type=local                    | type=local needs dest=DIR               | 1 | ^^^^^^^^^^",
            "type=oci,dest=x,compression=zstd | type=oci takes no attribute \"compression\" | 17 | ^^^^^^^^^^^",
            "type=image,name=x             | type=image takes no attribute \"name\"    | 12 | ^^^^",
            "dest=x                        | --output has no type                    | 1 | ^^^^^^",
            "type=local,dest=-             | type=local writes a directory, not standard output | 12 | ^^^^^^",
    })
    void badOutputsAreClearErrors(String output, String message, int column, String carets) {
        CliRun result = CliRun.of("build", "--root", root.toString(), "-o", output, context.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).startsWith("--output:1: " + message + "\n --> --output:1:" + column + "\n  |\n1 | "
                + output + "\n  | " + " ".repeat(column - 1) + carets + "\n  = hint: ");
    }

    @Test
    void twoOutputsOnStdoutAreRefused() {
        CliRun result = CliRun.of("build", "--root", root.toString(), "-o", "-", "-o", "type=docker,dest=-", context.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).startsWith("--output:1: only one output can go to standard output (dest=-)");
    }

    @Test
    void quietWithStdoutOutputIsRefused() {
        CliRun result = CliRun.of("build", "--root", root.toString(), "-q", "-o", "-", context.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("quiet progress prints the image ID on standard output, where --output dest=- writes the tar");
    }

    private static List<String> listing(byte[] tar) throws IOException {
        List<String> lines = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
                lines.add(entry.getName() + " " + Integer.toOctalString(entry.getMode() & 07777) + " "
                        + entry.getLongUserId() + ":" + entry.getLongGroupId()
                        + (entry.isFile() ? " " + new String(in.readAllBytes(), StandardCharsets.UTF_8) : ""));
            }
        }
        return lines;
    }

    private static Map<String, byte[]> entries(byte[] tar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
