package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.BaseImages;
import dev.berth.testing.DockerEngine;
import dev.berth.testing.IntegrationFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth inspect CONTAINER} against Docker 20.10's {@code docker inspect} of a container made from the same
 * image (busybox with an ENTRYPOINT, a CMD and an EXPOSE, imported into both) with the same flags: {@code Path},
 * {@code Args}, {@code Config.Entrypoint}, {@code Config.Cmd}, {@code Config.ExposedPorts},
 * {@code HostConfig.NetworkMode} and {@code Config.Image}. Docker's containers are only created (the test engine
 * has no bridge network); Berth's run, which does not change these members.
 */
@ExtendWith(IntegrationFixtures.class)
class ContainerInspectOracleIT {

    private static final String TEMPLATE = "{{json .Path}} {{json .Args}} {{json .Config.Entrypoint}} "
            + "{{json .Config.Cmd}} {{json .Config.ExposedPorts}} {{.HostConfig.NetworkMode}} {{.Config.Image}}";
    private static final List<String> CHANGES = List.of("-c", "ENTRYPOINT [\"/bin/sh\", \"-c\"]", "-c",
            "CMD [\"sleep 300\"]", "-c", "EXPOSE 9000/udp");

    @TempDir
    Path work;

    @Test
    void theCommandPortsAndNetworkModeAreDockers(DockerEngine docker, BaseImages images) throws Exception {
        String image = "oracle-ep-" + UUID.randomUUID().toString().substring(0, 8) + ":1";
        Path rootfs = images.busyboxRootfs();
        List<String> dockerImport = new ArrayList<>(List.of("import"));
        dockerImport.addAll(CHANGES);
        dockerImport.addAll(List.of(rootfs.toString(), image));
        docker.docker(dockerImport).orThrow();
        List<String> berthImport = new ArrayList<>(List.of("import"));
        berthImport.addAll(CHANGES);
        berthImport.addAll(List.of(rootfs.toString(), image));
        CliProcess berth = new CliProcess(work, work.resolve("store"));
        assertThat(berth.run(berthImport.toArray(String[]::new)).exit()).isZero();
        List<String> made = new ArrayList<>();
        try {
            for (List<String> flags : List.of(List.<String>of(), List.of("-p", "127.0.0.1::80"),
                    List.of("--network", "none"), List.of("--network", "default"), List.of("--entrypoint", "sleep"))) {
                List<String> args = flags.contains("--entrypoint") ? List.of("300") : List.of();
                List<String> create = new ArrayList<>(List.of("create"));
                create.addAll(flags);
                create.add(image);
                create.addAll(args);
                String id = docker.docker(create).orThrow().stdout().strip();
                made.add(id);
                String expected = docker.docker("inspect", "-f", TEMPLATE, id).orThrow().stdout().strip();

                String name = "oracle" + made.size();
                List<String> run = new ArrayList<>(List.of("run", "-d", "--runtime", "runc", "--name", name));
                run.addAll(flags);
                run.add(image);
                run.addAll(args);
                CliProcess.Outcome started = berth.run(run.toArray(String[]::new));
                assertThat(started.exit()).as(started.err()).isZero();
                CliProcess.Outcome inspected = berth.run("inspect", "-f", TEMPLATE, name);
                berth.run("rm", "-f", name);
                assertThat(inspected.out().strip()).as("flags " + flags).isEqualTo(expected);
            }
        } finally {
            for (String id : made) {
                docker.docker("rm", "-f", id);
            }
            docker.docker("rmi", image);
        }
    }
}
