package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ContainerSummary;
import dev.berth.api.ImportRequest;
import dev.berth.api.NetworkSummary;
import dev.berth.api.Settings;
import dev.berth.api.VolumeSummary;
import dev.berth.api.compose.ComposeLabels;
import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth compose up -d} and the commands on its project, each in its own JVM as a user runs them (root, runc,
 * conmon, netavark): a small project of two busybox services and an httpd on a published port, a named volume and
 * {@code depends_on}. What Compose would leave, Berth leaves: names, labels, what is recreated and what is kept.
 */
class ComposeUpIT {

    @TempDir
    Path work;
    Path root;
    Path project;
    int port;

    @BeforeEach
    void storeWithBusyboxAndAProject() throws IOException {
        root = work.resolve("store");
        try (Berth berth = open(); InputStream in = Files.newInputStream(BaseImages.standard().busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(in).reference("busybox:latest").message("test").build());
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        project = Files.createDirectories(work.resolve("app"));
        writeProject("one");
    }

    @AfterEach
    void removeLeftovers() throws Exception {
        compose(work, "-p", "itp", "down", "-v", "--remove-orphans");
    }

    @Test
    void upCreatesWhatComposeCreatesAndConvergesOnlyWhatChanged() throws Exception {
        CliProcess.Outcome up = compose(project, "up", "-d");
        assertThat(up.exit()).as(up.err()).isZero();
        assertThat(up.err()).contains(" ✔ Network itp_default  Created", " ✔ Volume \"itp_data\"  Created",
                " ✔ Container itp-db-1  Started", " ✔ Container itp-web-1  Started",
                " ✔ Container itp-worker-1  Started");
        assertThat(up.err().indexOf("itp-db-1  Started")).isLessThan(up.err().indexOf("itp-web-1  Started"));

        Map<String, ContainerSummary> first = containers();
        assertThat(first).containsOnlyKeys("itp-db-1", "itp-web-1", "itp-worker-1");
        Map<String, String> labels = first.get("itp-web-1").labels();
        assertThat(labels).containsEntry(ComposeLabels.PROJECT, "itp").containsEntry(ComposeLabels.SERVICE, "web")
                .containsEntry(ComposeLabels.NUMBER, "1").containsEntry(ComposeLabels.ONEOFF, "False")
                .containsEntry(ComposeLabels.WORKING_DIR, project.toString())
                .containsEntry(ComposeLabels.CONFIG_FILES, project.resolve("compose.yaml").toString())
                .containsEntry(ComposeLabels.DEPENDS_ON, "db:service_started:false")
                .containsEntry(ComposeLabels.IMAGE, first.get("itp-web-1").imageId().toString())
                .containsEntry(ComposeLabels.VERSION, "2.26.1");
        assertThat(compose(project, "config", "--hash", "web").out())
                .isEqualTo("web " + labels.get(ComposeLabels.CONFIG_HASH) + "\n");
        try (Berth berth = open()) {
            NetworkSummary network = berth.networks().inspect("itp_default");
            assertThat(network.labels()).containsEntry(ComposeLabels.PROJECT, "itp")
                    .containsEntry(ComposeLabels.NETWORK, "default");
            VolumeSummary volume = berth.volumes().inspect("itp_data");
            assertThat(volume.labels()).containsEntry(ComposeLabels.PROJECT, "itp")
                    .containsEntry(ComposeLabels.VOLUME, "data");
        }
        assertThat(answer(port)).isEqualTo("hi\n");

        CliProcess.Outcome again = compose(project, "up", "-d");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains(" ✔ Container itp-web-1  Running").doesNotContain("Started", "Recreated");
        assertThat(ids(containers())).isEqualTo(ids(first));

        writeProject("two");
        CliProcess.Outcome changed = compose(project, "up", "-d");
        assertThat(changed.err()).contains(" ✔ Container itp-worker-1  Recreated", " ✔ Container itp-db-1  Running",
                " ✔ Container itp-web-1  Running");
        Map<String, ContainerSummary> second = containers();
        assertThat(second.get("itp-db-1").id()).isEqualTo(first.get("itp-db-1").id());
        assertThat(second.get("itp-web-1").id()).isEqualTo(first.get("itp-web-1").id());
        assertThat(second.get("itp-worker-1").id()).isNotEqualTo(first.get("itp-worker-1").id());
        assertThat(second.get("itp-worker-1").labels().get(ComposeLabels.CONFIG_HASH))
                .isNotEqualTo(first.get("itp-worker-1").labels().get(ComposeLabels.CONFIG_HASH));
    }

    @Test
    void psLogsExecStopStartAndDownBehaveAsCompose() throws Exception {
        assertThat(compose(project, "up", "-d").exit()).isZero();

        CliProcess.Outcome ps = compose(project, "ps");
        assertThat(ps.out().lines().toList()).first().asString()
                .startsWith("NAME").contains("IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS");
        assertThat(ps.out()).contains("itp-db-1", "itp-worker-1", "127.0.0.1:" + port + "->80/tcp");
        assertThat(compose(project, "ps", "--services").out()).isEqualTo("db\nweb\nworker\n");
        assertThat(compose(project, "logs", "worker").out()).isEqualTo("worker-1  | worker one\n");
        assertThat(compose(project, "logs").out()).contains("db-1      | db ready\n", "worker-1  | worker one\n");

        CliProcess.Outcome exec = compose(project, "exec", "-T", "db", "sh", "-c", "cat /data/count; exit 3");
        assertThat(exec.exit()).isEqualTo(3);
        assertThat(exec.out()).isEqualTo("0\n");
        assertThat(compose(project, "exec", "-T", "-e", "X=y", "worker", "sh", "-c", "echo $X $MODE").out())
                .isEqualTo("y one\n");

        // -p NAME alone, from a directory with no Compose file: the labels are the project.
        assertThat(compose(work, "-p", "itp", "ps", "-q").out().lines().count()).isEqualTo(3);
        assertThat(compose(work, "-p", "itp", "stop").exit()).isZero();
        assertThat(compose(project, "ps", "-q").out()).isEmpty();
        assertThat(compose(project, "ps", "-a").out()).contains("Exited");
        assertThat(compose(project, "start").err()).contains(" ✔ Container itp-web-1  Started");
        assertThat(answer(port)).isEqualTo("hi\n");
        assertThat(compose(project, "ls").out()).contains("itp").contains("running(3)");

        CliProcess.Outcome down = compose(work, "-p", "itp", "down");
        assertThat(down.exit()).as(down.err()).isZero();
        assertThat(down.err()).contains(" ✔ Container itp-web-1  Removed", " ✔ Network itp_default  Removed");
        assertThat(containers()).isEmpty();
        try (Berth berth = open()) {
            assertThat(berth.networks().list().stream().map(NetworkSummary::name)).doesNotContain("itp_default");
            assertThat(berth.volumes().list().stream().map(VolumeSummary::name)).contains("itp_data");
        }
        assertThat(compose(project, "up", "-d").exit()).isZero();
        assertThat(compose(project, "down", "-v").err()).contains(" ✔ Volume itp_data  Removed");
        try (Berth berth = open()) {
            assertThat(berth.volumes().list().stream().map(VolumeSummary::name)).doesNotContain("itp_data");
        }
    }

    private void writeProject(String mode) throws IOException {
        Files.writeString(project.resolve("compose.yaml"), """
                name: itp
                services:
                  db:
                    image: busybox
                    command: sh -c '[ -f /data/count ] || echo 0 > /data/count; echo db ready; exec sleep 600'
                    volumes: [data:/data]
                    stop_grace_period: 1s
                  worker:
                    image: busybox
                    command: sh -c 'echo worker $$MODE; exec sleep 600'
                    environment: {MODE: %s}
                    depends_on: [db]
                    stop_grace_period: 1s
                  web:
                    image: busybox
                    command: sh -c 'mkdir -p /www && echo hi > /www/index.html && exec httpd -f -p 80 -h /www'
                    ports: ["127.0.0.1:%d:80"]
                    depends_on: [db]
                    stop_grace_period: 1s
                volumes:
                  data: {}
                """.formatted(mode, port));
    }

    private Berth open() {
        return Berth.open(Settings.builder().root(root).clock(Clock.systemUTC()).build());
    }

    private Map<String, ContainerSummary> containers() {
        try (Berth berth = open()) {
            return berth.containers().list(true).stream()
                    .filter(c -> "itp".equals(c.labels().get(ComposeLabels.PROJECT)))
                    .collect(Collectors.toMap(ContainerSummary::name, c -> c, (a, b) -> a, TreeMap::new));
        }
    }

    private static Map<String, String> ids(Map<String, ContainerSummary> containers) {
        return containers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id(),
                (a, b) -> a, TreeMap::new));
    }

    private static String answer(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
                return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException refused) {
                if (System.nanoTime() > deadline) {
                    return "";
                }
                Thread.sleep(100);
            }
        }
    }

    /** {@code berth compose ARGS...} on this test's store, run in {@code directory}. */
    private CliProcess.Outcome compose(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("compose"));
        command.addAll(List.of(args));
        return new CliProcess(work, root).withTimeout(Duration.ofSeconds(180)).in(directory, command.toArray(String[]::new));
    }
}
