package dev.berth.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.berth.error.NotFoundException;

/**
 * What of crun can be checked on a host where it cannot run containers (hybrid cgroups): the commands that
 * address existing containers, which need no cgroup. Skipped where crun is not installed.
 */
class CrunRuntimeIT {

    private static final Path CRUN = Path.of("/usr/bin/crun");

    @TempDir
    Path state;

    @Test
    void stateOfAMissingContainerIsNotFound() {
        assumeTrue(Files.isExecutable(CRUN), "crun is not installed");
        var crun = new CrunRuntime(CRUN, state, "");

        assertThatThrownBy(() -> crun.state("nope")).isInstanceOf(NotFoundException.class)
                .hasMessage("reading the state of container nope: error opening file `%s/nope/status`: No such file or directory"
                        .formatted(state));
    }

    @Test
    void forcedDeleteOfAMissingContainerIsNotAnError() {
        assumeTrue(Files.isExecutable(CRUN), "crun is not installed");

        new CrunRuntime(CRUN, state, "").delete("nope", true);
    }
}
