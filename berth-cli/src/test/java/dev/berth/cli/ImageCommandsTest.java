package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ImportRequest;
import dev.berth.api.Settings;
import dev.berth.image.Digest;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every image command's exact output, on a store made with a fixed clock and read two hours later. */
class ImageCommandsTest {

    static final Instant MADE = Instant.parse("2024-01-02T03:04:05.5Z");
    static final Clock LATER = Clock.fixed(MADE.plus(Duration.ofHours(2)), ZoneOffset.UTC);
    static final byte[] ROOTFS = rootfs();

    @TempDir
    Path root;

    Digest app;
    Digest dangling;

    @BeforeEach
    void store() {
        try (Berth berth = Berth.open(Settings.builder().root(root).clock(Clock.fixed(MADE, ZoneOffset.UTC)).build())) {
            app = berth.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(ROOTFS)).reference("example/app:1")
                    .changes(List.of("CMD [\"/hello\"]")).message("Imported from -").build());
            dangling = berth.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(ROOTFS))
                    .changes(List.of("ENV X=1")).message("Imported from -").build());
        }
    }

    static byte[] rootfs() {
        return new TarBuilder().file("hello", "x".repeat(3000)).build();
    }

    CliRun berth(String... args) {
        List<String> withRoot = new ArrayList<>(List.of(args));
        withRoot.add("--root");
        withRoot.add(root.toString());
        return CliRun.with(new CommandFactory(LATER), new byte[0], withRoot.toArray(String[]::new));
    }

    String ok(String... args) {
        CliRun result = berth(args);
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        return result.out();
    }

    @Test
    void imagesPrintsDockersTable() {
        assertThat(ok("images")).isEqualTo("""
                REPOSITORY    TAG       IMAGE ID       CREATED       SIZE
                example/app   1         %s   2 hours ago   3kB
                <none>        <none>    %s   2 hours ago   3kB
                """.formatted(app.shortHex(), dangling.shortHex()));
        assertThat(ok("image", "ls")).isEqualTo(ok("images"));
        assertThat(ok("image", "list")).isEqualTo(ok("images"));
    }

    @Test
    void imagesFormatsJsonLikeDocker() {
        assertThat(ok("images", "--format", "{{json .}}", "example/app")).isEqualTo(
                "{\"Containers\":\"N/A\",\"CreatedAt\":\"2024-01-02 03:04:05 +0000 UTC\",\"CreatedSince\":\"2 hours ago\","
                        + "\"Digest\":\"\\u003cnone\\u003e\",\"ID\":\"" + app.shortHex() + "\",\"Repository\":\"example/app\","
                        + "\"SharedSize\":\"N/A\",\"Size\":\"3kB\",\"Tag\":\"1\",\"UniqueSize\":\"N/A\","
                        + "\"VirtualSize\":\"3kB\"}\n");
    }

    @Test
    void imagesFormatsATemplateAndATable() {
        assertThat(ok("images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}", "--filter", "dangling=false"))
                .isEqualTo("example/app:1 " + app.shortHex() + "\n");
        assertThat(ok("images", "--format", "table {{.ID}}\\t{{.Repository}}", "-f", "reference=example/*"))
                .isEqualTo("IMAGE ID       REPOSITORY\n" + app.shortHex() + "   example/app\n");
    }

    @Test
    void imagesQuietAndUntruncated() {
        assertThat(ok("images", "-q")).isEqualTo(app.shortHex() + "\n" + dangling.shortHex() + "\n");
        assertThat(ok("images", "-q", "--no-trunc", "--filter", "dangling=true")).isEqualTo(dangling + "\n");
        assertThat(ok("images", "-q", "-f", "reference=nothing*")).isEmpty();
        assertThat(ok("images", "-q", "example/app:2")).isEmpty();
    }

    @Test
    void imagesRefusesAnUnknownFilter() {
        CliRun result = berth("images", "--filter", "label=a=b");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).startsWith("--filter:1: invalid filter 'label'");
    }

    @Test
    void historyPrintsDockersColumns() {
        assertThat(ok("history", "example/app:1")).isEqualTo("""
                IMAGE          CREATED       CREATED BY   SIZE      COMMENT
                %s   2 hours ago                3kB       Imported from -
                """.formatted(app.shortHex()));
        assertThat(ok("image", "history", "--no-trunc", "-H=false", "--format", "{{.ID}} {{.CreatedSince}} {{.Size}}",
                "example/app:1")).isEqualTo(app + " 2024-01-02T03:04:05Z " + 3000 + "\n");
    }

    @Test
    void inspectPrintsDockersJson() {
        assertThat(ok("inspect", "example/app:1")).isEqualTo("""
                [
                    {
                        "Id": "%s",
                        "RepoTags": [
                            "example/app:1"
                        ],
                        "RepoDigests": [],
                        "Parent": "",
                        "Comment": "Imported from -",
                        "Created": "2024-01-02T03:04:05.5Z",
                        "Container": "",
                        "ContainerConfig": {
                            "Hostname": "",
                            "Domainname": "",
                            "User": "",
                            "AttachStdin": false,
                            "AttachStdout": false,
                            "AttachStderr": false,
                            "Tty": false,
                            "OpenStdin": false,
                            "StdinOnce": false,
                            "Env": null,
                            "Cmd": null,
                            "Image": "",
                            "Volumes": null,
                            "WorkingDir": "",
                            "Entrypoint": null,
                            "OnBuild": null,
                            "Labels": null
                        },
                        "DockerVersion": "",
                        "Author": "",
                        "Config": {
                            "Hostname": "",
                            "Domainname": "",
                            "User": "",
                            "AttachStdin": false,
                            "AttachStdout": false,
                            "AttachStderr": false,
                            "Tty": false,
                            "OpenStdin": false,
                            "StdinOnce": false,
                            "Env": null,
                            "Cmd": [
                                "/hello"
                            ],
                            "Image": "",
                            "Volumes": null,
                            "WorkingDir": "",
                            "Entrypoint": null,
                            "OnBuild": null,
                            "Labels": null
                        },
                        "Architecture": "%s",
                        "Os": "linux",
                        "Size": %d,
                        "VirtualSize": 3000,
                        "GraphDriver": {
                            "Data": null,
                            "Name": ""
                        },
                        "RootFS": {
                            "Type": "layers",
                            "Layers": [
                                "%s"
                            ]
                        },
                        "Metadata": {
                            "LastTagTime": "0001-01-01T00:00:00Z"
                        }
                    }
                ]
                """.formatted(app, dev.berth.archive.HostPlatform.architecture(), 3000, Digest.sha256(ROOTFS)));
        assertThat(ok("image", "inspect", "-f", "{{.Id}} {{json .RepoTags}} {{.Config.Cmd}}", app.shortHex()))
                .isEqualTo(app + " [\"example/app:1\"] [/hello]\n");
        // Empty members print as Docker's CLI prints them: an empty line for a string, [] for a nil slice.
        assertThat(ok("image", "inspect", "-f", "{{.Config.User}}", app.shortHex())).isEqualTo("\n");
        assertThat(ok("image", "inspect", "-f", "{{.Config.Entrypoint}} {{json .Config.Entrypoint}}", app.shortHex()))
                .isEqualTo("[] null\n");
    }

    @Test
    void inspectOfAMissingImageSaysSo() {
        CliRun result = berth("inspect", "nothing");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).isEqualTo("berth: No such image: nothing\n");
    }

    @Test
    void tagAndRmiPrintDockersLines() {
        assertThat(ok("tag", "example/app:1", "other:2")).isEmpty();
        assertThat(ok("rmi", "other:2")).isEqualTo("Untagged: other:2\n");
        assertThat(ok("image", "tag", "example/app:1", "other:3")).isEmpty();
        CliRun conflict = berth("rmi", app.shortHex());
        assertThat(conflict.err()).isEqualTo("berth: conflict: unable to delete " + app.shortHex()
                + " (must be forced) - image is referenced in multiple repositories\n");
        assertThat(ok("image", "rm", "-f", app.shortHex()))
                .isEqualTo("Untagged: example/app:1\nUntagged: other:3\nDeleted: " + app + "\n");
    }

    @Test
    void pruneReportsWhatItRemoved() {
        assertThat(ok("image", "prune", "-f")).isEqualTo("Deleted Images:\ndeleted: " + dangling
                + "\n\nTotal reclaimed space: 713B\n");
        assertThat(ok("image", "prune", "-f")).isEqualTo("Total reclaimed space: 0B\n");
    }

    @Test
    void saveThenLoadIntoAnotherStore(@TempDir Path other) throws IOException {
        Path archive = other.resolve("app.tar");
        assertThat(ok("save", "-o", archive.toString(), "example/app:1", dangling.toString())).isEmpty();
        Path otherRoot = other.resolve("store");
        CliRun loaded = new ImageCommandsTest().withRoot(otherRoot).berth("load", "-i", archive.toString());
        assertThat(loaded.out()).isEqualTo("Loaded image: example/app:1\nLoaded image ID: " + dangling + "\n");
        assertThat(Files.list(other).map(path -> path.getFileName().toString()).sorted().toList())
                .containsExactly("app.tar", "store");
    }

    @Test
    void importPrintsTheNewImageId(@TempDir Path other) throws IOException {
        Path tarball = other.resolve("rootfs.tar");
        Files.write(tarball, ROOTFS);
        String id = ok("import", "-c", "CMD [\"/hello\"]", tarball.toString(), "example/app:1").strip();
        assertThat(id).isEqualTo(app.toString().replace(app.hex(), id.substring("sha256:".length())));
        assertThat(ok("images", "-q", "--no-trunc", "example/app:1")).isEqualTo(id + "\n");
        CliRun bad = berth("import", "-c", "RUN true", tarball.toString());
        assertThat(bad.err()).startsWith("--change #1:1: RUN is not a valid change command");
    }

    private ImageCommandsTest withRoot(Path path) {
        root = path;
        return this;
    }
}
