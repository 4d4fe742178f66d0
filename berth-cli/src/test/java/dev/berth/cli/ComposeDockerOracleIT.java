package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.api.Berth;
import dev.berth.api.SaveFormat;
import dev.berth.api.Settings;
import dev.berth.testing.BaseImages;
import dev.berth.testing.CommandResult;
import dev.berth.testing.DockerEngine;
import dev.berth.testing.HostCommand;
import dev.berth.testing.IntegrationFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One busybox project brought up by Docker Compose 2.26.1 on the test dockerd, then by {@code berth compose}, from
 * the same directory under the same project name, and what each left compared ({@link ComposeObservation}):
 * container, network and volume names, every label, the endpoints' aliases, {@code ps --format json} (less the
 * times and IDs), answers through the published port and by name across the networks, which containers
 * {@code restart} and a changed {@code up} touch, and that {@code down -v} leaves nothing. The image is Berth's
 * own, {@code docker load}ed, so even {@code com.docker.compose.image} must match. docs/compose.md lists what is
 * known to differ and so is not compared.
 */
@ExtendWith(IntegrationFixtures.class)
class ComposeDockerOracleIT {

    private static final Path ORACLE = Path.of(System.getenv().getOrDefault("COMPOSE_ORACLE",
            "/var/tmp/compose-oracle/usr/bin/docker-compose"));
    private static final Duration LIMIT = Duration.ofSeconds(180);

    @TempDir
    Path work;

    @Test
    void dockerComposeAndBerthLeaveTheSameNamesLabelsAndAnswers(DockerEngine docker, BaseImages images)
            throws Exception {
        assumeThat(Files.isExecutable(ORACLE)).as("Docker Compose 2.26.1 at " + ORACLE).isTrue();
        String suffix = HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(),
                (byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt()});
        String project = "orc" + suffix;
        String image = "berth-it/compose-oracle:" + suffix;
        Path root = work.resolve("store");
        Path app = Files.createDirectories(work.resolve("app"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(app.resolve("compose.yaml"), ComposeObservation.project(project, image, port));
        CliProcess.importImage(root, images.busyboxRootfs(), image);
        Path archive = work.resolve("image.tar");
        try (Berth berth = Berth.open(Settings.builder().root(root).clock(Clock.systemUTC()).build());
             OutputStream out = Files.newOutputStream(archive)) {
            berth.save(List.of(image), SaveFormat.DOCKER, out);
        }
        docker.docker("load", "-i", archive.toString()).orThrow();

        CliProcess cli = new CliProcess(work, root).withTimeout(LIMIT);
        ComposeObservation.Side dockerSide = new ComposeObservation.Side() {
            @Override
            public CliProcess.Outcome compose(Map<String, String> env, String... args) {
                List<String> command = new ArrayList<>(List.of(ORACLE.toString()));
                command.addAll(Arrays.asList(args));
                Map<String, String> all = new LinkedHashMap<>(docker.environment());
                all.putAll(env);
                return outcome(HostCommand.of(command).withEnvironment(all).inDirectory(app).withTimeout(LIMIT).run());
            }

            @Override
            public CliProcess.Outcome engine(String... args) {
                return outcome(docker.docker(args));
            }
        };
        ComposeObservation.Side berthSide = new ComposeObservation.Side() {
            @Override
            public CliProcess.Outcome compose(Map<String, String> env, String... args) throws Exception {
                List<String> command = new ArrayList<>(List.of("compose"));
                command.addAll(Arrays.asList(args));
                return cli.withEnv(env).in(app, command.toArray(String[]::new));
            }

            @Override
            public CliProcess.Outcome engine(String... args) throws Exception {
                return cli.in(app, args);
            }
        };

        ComposeObservation fromDocker;
        ComposeObservation fromBerth;
        try {
            try {
                fromDocker = ComposeObservation.observe(dockerSide, project, port);
            } finally {
                dockerSide.compose(Map.of(), "down", "-v", "-t", "1");
            }
            try {
                fromBerth = ComposeObservation.observe(berthSide, project, port);
            } finally {
                berthSide.compose(Map.of(), "down", "-v", "-t", "1");
            }
        } finally {
            docker.docker("rmi", image);
        }

        assertThat(fromDocker.containers()).as("Docker Compose's containers")
                .containsOnlyKeys(project + "-db-1", project + "-web-1", project + "-probe-1");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(fromBerth.containers()).as("container names and labels").isEqualTo(fromDocker.containers());
        softly.assertThat(fromBerth.networks()).as("network names and labels").isEqualTo(fromDocker.networks());
        softly.assertThat(fromBerth.volumes()).as("volume names and labels").isEqualTo(fromDocker.volumes());
        softly.assertThat(fromBerth.aliases()).as("endpoint aliases").isEqualTo(fromDocker.aliases());
        softly.assertThat(fromBerth.ps()).as("ps --format json").isEqualTo(fromDocker.ps());
        softly.assertThat(fromBerth.answers()).as("answers").isEqualTo(fromDocker.answers());
        softly.assertThat(fromBerth.touched()).as("what restart and a changed up touch").isEqualTo(fromDocker.touched());
        softly.assertThat(fromBerth.leftovers()).as("what down -v leaves").isEqualTo(fromDocker.leftovers());
        softly.assertAll();
    }

    private static CliProcess.Outcome outcome(CommandResult result) {
        return new CliProcess.Outcome(result.exitCode(), result.stdout(), result.stderr());
    }

    /** JSON text as maps and lists; tests may have a mapper of their own. */
    static <T> T json(String text, TypeReference<T> type) throws IOException {
        return new ObjectMapper().readValue(text, type);
    }

    /** Label (or network) text of {@code ps --format json}, {@code a,b} in Go's random map order, as a sorted set. */
    static TreeSet<String> labelSet(String text) {
        return new TreeSet<>(text.isEmpty() ? List.of() : List.of(text.split(",")));
    }

    /** A sorted copy, so that two observations print in the same order. */
    static <V> Map<String, V> sorted(Map<String, V> map) {
        return new TreeMap<>(map);
    }
}
