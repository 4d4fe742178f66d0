package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code network create/ls/inspect/rm} and {@code run -d -p}, {@code ps}, {@code port} (root, runc, conmon, netavark),
 * each command in its own JVM as a user runs them.
 */
class NetworkCommandsIT {

    @TempDir
    Path work;
    Path root;

    @BeforeEach
    void storeWithBusybox() throws IOException {
        root = work.resolve("store");
        CliProcess.importImage(root, BaseImages.standard().busyboxRootfs(), "busybox:latest");
    }

    @AfterEach
    void removeLeftovers() throws Exception {
        berth("rm", "-f", "net-web");
        berth("network", "rm", "net-cli");
    }

    @Test
    void createsListsInspectsAndRemovesANetwork() throws Exception {
        CliProcess.Outcome create = berth("network", "create", "--label", "team=a", "net-cli");
        assertThat(create.exit()).as(create.err()).isZero();
        String id = create.out().strip();
        assertThat(id).matches("[0-9a-f]{64}");

        CliProcess.Outcome ls = berth("network", "ls");
        assertThat(ls.out().lines().toList()).first().isEqualTo("NETWORK ID     NAME      DRIVER    SCOPE");
        assertThat(ls.out()).contains(id.substring(0, 12) + "   net-cli   bridge    local\n");
        assertThat(berth("network", "ls", "-q", "--no-trunc").out()).contains(id + "\n");
        assertThat(berth("network", "ls", "--format", "{{.Name}} {{.Labels}}").out()).contains("net-cli team=a\n");
        assertThat(berth("network", "inspect", "-f", "{{.Name}} {{.Driver}} {{.Internal}}", "net-cli").out())
                .isEqualTo("net-cli bridge false\n");
        assertThat(berth("network", "inspect", "net-cli").out()).startsWith("[\n    {\n        \"Name\": \"net-cli\",\n")
                .contains("\"Subnet\": \"10.87.");

        CliProcess.Outcome taken = berth("network", "create", "net-cli");
        assertThat(taken.exit()).isNotZero();
        assertThat(taken.err()).contains("network with name net-cli already exists");
        CliProcess.Outcome predefined = berth("network", "rm", "bridge");
        assertThat(predefined.exit()).isNotZero();
        assertThat(predefined.err()).contains("bridge is a pre-defined network and cannot be removed");

        assertThat(berth("network", "rm", "net-cli").out()).isEqualTo("net-cli\n");
        assertThat(berth("network", "ls", "--format", "{{.Name}}").out()).isEqualTo("bridge\n");
    }

    @Test
    void aDetachedContainerPublishesAPortThatPsAndPortShow() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliProcess.Outcome run = berth("run", "-d", "--runtime", "runc", "--name", "net-web", "-p", "127.0.0.1:" + port + ":80",
                "busybox", "sh", "-c", "mkdir -p /www && echo hi > /www/index.html && exec httpd -f -p 80 -h /www");
        assertThat(run.exit()).as(run.err()).isZero();

        assertThat(answer(port)).isEqualTo("hi\n");
        assertThat(berth("ps", "--format", "{{.Names}} {{.Ports}} {{.Networks}}").out())
                .isEqualTo("net-web 127.0.0.1:" + port + "->80/tcp bridge\n");
        assertThat(berth("port", "net-web").out()).isEqualTo("80/tcp -> 127.0.0.1:" + port + "\n");
        assertThat(berth("port", "net-web", "80").out()).isEqualTo("127.0.0.1:" + port + "\n");

        CliProcess.Outcome bad = berth("run", "-d", "-p", "80:foo", "busybox", "true");
        assertThat(bad.exit()).isEqualTo(125);
        assertThat(bad.err()).contains("invalid containerPort: foo");
        assertThat(berth("rm", "-f", "net-web").exit()).isZero();
        assertThat(answer(port)).isEmpty();
    }

    private static String answer(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
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

    private CliProcess.Outcome berth(String... args) throws Exception {
        return new CliProcess(work, root).run(args);
    }
}
