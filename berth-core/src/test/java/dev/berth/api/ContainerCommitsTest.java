package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.container.ContainerRecord;
import dev.berth.image.ContainerConfig;
import dev.berth.image.Digest;
import dev.berth.recovery.OwnerRecord;
import dev.berth.container.NetworkOptions;
import dev.berth.sandbox.SandboxProcess;
import dev.berth.snapshot.SnapshotterLocation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The config {@code berth commit} starts from: the container's, as Docker keeps it, before the {@code -c} changes. */
class ContainerCommitsTest {

    /** Lists space-separated, {@code -} empty: the image's Entrypoint, the container's argv -> Entrypoint, Cmd. */
    @ParameterizedTest(name = "Entrypoint={0} argv={1} -> Entrypoint={2} Cmd={3}")
    @CsvSource(delimiter = '|', textBlock = """
            -        | sh -c true      | -        | sh -c true
            /entry   | /entry --flag   | /entry   | --flag
            /entry x | /entry x        | /entry x | -
            /entry   | /bin/sh -c true | /bin/sh  | -c true
            """)
    void theCommandSplitsBackIntoTheImagesEntrypointAndACmd(String entrypoint, String argv, String expectedEntrypoint,
            String expectedCmd) {
        ContainerConfig image = ContainerConfig.builder().entrypoint(words(entrypoint)).cmd(List.of("ignored"))
                .env(List.of("PATH=/bin")).user("nobody").workingDir("/").build();

        ContainerConfig config = ContainerCommits.containerConfig(image, record(words(argv)));

        assertThat(config.entrypoint()).isEqualTo(words(expectedEntrypoint));
        assertThat(config.cmd()).isEqualTo(words(expectedCmd));
        assertThat(config.env()).isEqualTo(List.of("PATH=/bin", "RUN=1"));
        assertThat(config.user()).isEqualTo("root");
        assertThat(config.workingDir()).isEqualTo("/srv");
        assertThat(config.labels()).isEqualTo(Map.of("tier", "front"));
    }

    private static ContainerRecord record(List<String> argv) {
        Digest digest = Digest.parse("sha256:" + "9".repeat(64));
        return new ContainerRecord("a".repeat(64), "web", "busybox", digest,
                new SandboxProcess(argv, List.of("PATH=/bin", "RUN=1"), "root", "/srv"), Instant.EPOCH,
                Map.of("tier", "front"), NetworkOptions.NONE, "h", true, "", false, OptionalLong.empty(),
                Optional.empty(), new OwnerRecord.RuntimeLocation("runc", Path.of("/usr/sbin/runc"), Path.of("/run/x")),
                new SnapshotterLocation(SnapshotterLocation.OVERLAY, Path.of("/var/lib/x"), false), Optional.empty());
    }

    private static List<String> words(String text) {
        return text.equals("-") ? List.of() : Arrays.asList(text.split(" "));
    }
}
