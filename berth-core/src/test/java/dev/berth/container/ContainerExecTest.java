package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.error.ExecutionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The process object of {@code berth exec}: the container's own, with Docker's exec overrides. */
class ContainerExecTest {

    @TempDir
    Path root;
    ContainerDirectory directory;

    @BeforeEach
    void bundle() throws IOException {
        directory = ContainerDirectory.of(root, "c1");
        Files.createDirectories(directory.rootfs().resolve("etc"));
        Files.writeString(directory.rootfs().resolve("etc/passwd"),
                "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
        Files.writeString(directory.rootfs().resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n");
        Files.writeString(directory.bundle().resolve("config.json"), """
                {"ociVersion": "1.0.2", "process": {"terminal": false, "user": {"uid": 0, "gid": 0},
                 "args": ["sleep", "1000"], "env": ["PATH=/bin", "GREETING=hi"], "cwd": "/srv",
                 "capabilities": {"bounding": ["CAP_CHOWN"]}, "noNewPrivileges": true}}
                """);
    }

    @Test
    void keepsTheContainersEnvironmentUserDirectoryAndCapabilitiesByDefault() throws IOException {
        JsonNode process = ContainerExec.process(directory, spec(Optional.empty(), Optional.empty(), List.of(), false, false));

        assertThat(process.path("args").toString()).isEqualTo("[\"id\"]");
        assertThat(process.path("env").toString()).isEqualTo("[\"PATH=/bin\",\"GREETING=hi\"]");
        assertThat(process.path("cwd").asText()).isEqualTo("/srv");
        assertThat(process.path("user").toString()).isEqualTo("{\"uid\":0,\"gid\":0}");
        assertThat(process.path("capabilities").toString()).isEqualTo("{\"bounding\":[\"CAP_CHOWN\"]}");
        assertThat(process.path("noNewPrivileges").asBoolean()).isTrue();
        assertThat(process.path("terminal").asBoolean()).isFalse();
    }

    @Test
    void setsEnvironmentInPlaceOrAppendsAndResolvesTheUserInTheContainer() throws IOException {
        JsonNode process = ContainerExec.process(directory, spec(Optional.of("nobody"), Optional.of("/tmp"),
                List.of("GREETING=bye", "NEW=1"), false, false));

        assertThat(process.path("env").toString()).isEqualTo("[\"PATH=/bin\",\"GREETING=bye\",\"NEW=1\"]");
        assertThat(process.path("cwd").asText()).isEqualTo("/tmp");
        assertThat(process.path("user").path("uid").asLong()).isEqualTo(65534);
        assertThat(process.path("user").path("gid").asLong()).isEqualTo(65534);
    }

    /** A detached exec never gets a terminal: runc would need a console socket no one reads. */
    @ParameterizedTest(name = "-t={0} -d={1} -> terminal {2}")
    @CsvSource({"false,false,false", "true,false,true", "true,true,false", "false,true,false"})
    void terminalOnlyInTheForeground(boolean tty, boolean detach, boolean terminal) throws IOException {
        JsonNode process = ContainerExec.process(directory, spec(Optional.empty(), Optional.empty(), List.of(), tty, detach));
        assertThat(process.path("terminal").asBoolean()).isEqualTo(terminal);
    }

    @Test
    void aRelativeWorkingDirectoryIsRefusedAsDockerRefusesIt() {
        assertThatThrownBy(() -> ContainerExec.process(directory, spec(Optional.empty(), Optional.of("tmp"), List.of(),
                false, false))).isInstanceOf(ExecutionException.class)
                .hasMessage("the working directory 'tmp' is invalid, it needs to be an absolute path");
    }

    private static ExecSpec spec(Optional<String> user, Optional<String> dir, List<String> env, boolean tty, boolean detach) {
        return new ExecSpec(List.of("id"), env, user, dir, tty, detach);
    }
}
