package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.BuildRequest;
import dev.berth.api.TestBuilds;
import dev.berth.image.ContainerConfig;
import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.Platform;
import dev.berth.snapshot.OverlaySnapshotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: {@code RUN <<EOF} here-documents were dropped, so the step ran {@code <<EOF} and made nothing. Through
 * real runc and overlayfs: a document run by the shell, one run as its own program ({@code #!}, at
 * {@code /dev/pipes/EOF}, which stays out of the layer), and a command that reads its own here-documents.
 */
class RunHeredocIT {

    @TempDir
    Path work;

    @Test
    void hereDocumentsOfRunAreRunAsBuildKitRunsThem() throws IOException {
        RunFixture fixture = new RunFixture(work);
        ImageConfig busybox = ImageConfig.empty(Platform.of("linux", "amd64"))
                .withConfig(ContainerConfig.builder().env(List.of("PATH=/bin")).build())
                .withLayer(fixture.busybox.diffId(), new HistoryEntry(Optional.empty(), "busybox", "", "", false));
        new ImageAssembler(fixture.store.content(), fixture.store.images(), ImageJson.standard())
                .assemble(busybox, List.of(fixture.busybox), List.of("busybox:latest"));
        Path context = Files.createDirectories(work.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), """
                # syntax=docker/dockerfile:1
                FROM busybox
                RUN <<EOF
                echo one > /one
                echo two >> /one
                EOF
                RUN <<EOF
                #!/bin/sh
                echo "$0" > /script
                EOF
                RUN cat <<A > /a && cat <<-B > /b
                from a
                A
                \tfrom b
                \tB
                RUN test "$(cat /one)" = "$(printf 'one\\ntwo')" && test "$(cat /script)" = /dev/pipes/EOF \\
                    && test "$(cat /a)" = "from a" && test "$(cat /b)" = "from b" && ! test -e /dev/pipes/EOF
                """);
        ContainerRunStepExecutor runs = fixture.executor(OverlaySnapshotter::new, "overlay");

        var result = TestBuilds.build(fixture.store, runs, Clock.systemUTC(),
                BuildRequest.builder(context).noCache(true).tags(List.of("heredoc:1")).build(), event -> { });

        ImageConfig config = ImageJson.standard().readConfig(
                fixture.store.content().open(result.imageId()).readAllBytes(), "config");
        assertThat(config.history()).extracting(HistoryEntry::createdBy)
                .contains("RUN /dev/pipes/EOF # buildkit");
    }
}
