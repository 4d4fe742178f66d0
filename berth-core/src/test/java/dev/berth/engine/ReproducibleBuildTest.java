package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.BuildResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproducibleBuildTest {

    private static final String DOCKERFILE = "FROM scratch\nCOPY . /app/\nWORKDIR /app\nRUN make\nCMD [\"/app/run\"]\n";

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void sourceDateEpochGivesTheSameDigestTwice() throws IOException {
        Optional<Instant> epoch = Optional.of(Instant.ofEpochSecond(1_700_000_000));
        BuildResult one;
        BuildResult two;
        try (BuildFixture fixture = new BuildFixture(first)) {
            fixture.file("run", "#!/bin/sh\n");
            Files.setLastModifiedTime(fixture.context.resolve("run"), FileTime.from(Instant.now()));
            one = fixture.build(DOCKERFILE, request -> request.noCache(true).sourceDateEpoch(epoch.orElseThrow()));
            assertThat(fixture.config(one).created()).contains(epoch.get());
        }
        try (BuildFixture fixture = new BuildFixture(second)) {
            fixture.file("run", "#!/bin/sh\n");
            Files.setLastModifiedTime(fixture.context.resolve("run"), FileTime.from(Instant.now().plusSeconds(99)));
            two = fixture.build(DOCKERFILE, request -> request.noCache(true).sourceDateEpoch(epoch.orElseThrow()));
        }
        assertThat(two.manifest()).isEqualTo(one.manifest());
        assertThat(two.imageId()).isEqualTo(one.imageId());
    }
}
