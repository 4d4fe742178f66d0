package dev.berth.engine;

import static dev.berth.engine.RunFixture.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.LayerRef;
import dev.berth.layer.ExtractOptions;
import dev.berth.layer.LayerExtractor;
import dev.berth.sandbox.SandboxNetwork;
import dev.berth.snapshot.OverlaySnapshotter;
import dev.berth.testing.BaseImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A RUN step on the Debian minbase layer (170 MB): a real distribution's tools write the layer. Needs root. */
class DebianRunStepIT {

    @TempDir
    Path work;

    @Test
    void useraddAndChownGiveALayerWithTheNewUserAndItsFile() throws IOException {
        RunFixture fixture = new RunFixture(work);
        Path rootfs = Files.createDirectories(work.resolve("debian-rootfs"));
        try (InputStream tar = Files.newInputStream(BaseImages.standard().debianRootfs())) {
            new LayerExtractor(ExtractOptions.defaults(true)).extract("debian", tar, rootfs);
        }
        LayerRef debian = RunFixture.ingest(fixture.store.content(), rootfs);
        var executor = fixture.executor(OverlaySnapshotter::new, "overlay");
        var log = new ByteArrayOutputStream();

        long start = System.nanoTime();
        var layer = executor.run(invocation(List.of("/bin/sh", "-c",
                "useradd -m -u 1000 app && echo hi > /home/app/f && chown app:app /home/app/f && stat -c %u:%g /home/app/f"),
                "", SandboxNetwork.NONE, List.of(), debian, log)).orElseThrow();
        long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        start = System.nanoTime();
        executor.run(invocation(List.of("true"), "", SandboxNetwork.NONE, List.of(), debian, log));
        long nextMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("Debian minbase: first RUN (unpack 170 MB + useradd) %d ms, next RUN true %d ms%n",
                firstMillis, nextMillis);

        assertThat(log.toString()).isEqualTo("1000:1000\n");
        List<String> entries = fixture.entries(layer);
        assertThat(entries).contains("home/", "home/app/", "home/app/f=hi", "etc/")
                .anyMatch(e -> e.startsWith("etc/passwd=") && e.contains("app:x:1000:1000"))
                .noneMatch(e -> e.startsWith("proc") || e.startsWith("sys") || e.startsWith("dev/")
                        || e.startsWith("etc/hosts") || e.startsWith("etc/hostname") || e.startsWith("etc/resolv.conf"));
    }
}
