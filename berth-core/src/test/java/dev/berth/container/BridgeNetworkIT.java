package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.Berth;
import dev.berth.api.ContainerNetwork;
import dev.berth.api.ContainerSummary;
import dev.berth.api.ImportRequest;
import dev.berth.api.NetworkCreateRequest;
import dev.berth.api.NetworkSummary;
import dev.berth.api.PortBinding;
import dev.berth.api.RunRequest;
import dev.berth.api.Settings;
import dev.berth.error.ConflictException;
import dev.berth.store.StoreLayout;
import dev.berth.testing.BaseImages;
import dev.berth.testing.HostCommand;
import dev.berth.testing.IntegrationFixtures;
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
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Containers on bridge networks through {@link Berth}, with the real netavark, aardvark-dns, runc and conmon: published
 * ports answer from the host (and again after stop and start), containers on one network find each other by name
 * and alias, another network's cannot resolve or reach them, and a removed container leaves no namespace or lease.
 */
@ExtendWith(IntegrationFixtures.class)
class BridgeNetworkIT {

    /** A shell command that serves {@code hello} on port 80 (busybox httpd, in the foreground). */
    private static final List<String> HTTPD = List.of("sh", "-c",
            "mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 80 -h /www");

    @TempDir
    Path root;
    @TempDir
    Path state;
    @TempDir
    Path streams;
    private Berth berth;
    private final List<String> containers = new ArrayList<>();

    @BeforeEach
    void importBusybox(BaseImages images) throws IOException {
        StoreLayout layout = StoreLayout.resolve(Optional.of(root), Map.of(), 0);
        berth = Berth.open(Settings.builder().root(layout.root()).environment(Map.of()).clock(Clock.systemUTC())
                .runtimeState(state).runtime("runc").build());
        try (InputStream in = Files.newInputStream(images.busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(in).reference("busybox:net").changes(List.of("EXPOSE 80"))
                    .message("test").build());
        }
    }

    @AfterEach
    void removeContainers() {
        for (String container : containers) {
            try {
                berth.containers().remove(container, true);
            } catch (RuntimeException alreadyGone) {
                // The test removed it.
            }
        }
        berth.close();
    }

    @Test
    void aPublishedPortAnswersFromTheHostAndAgainAfterStopAndStart() throws Exception {
        int port = freePort();
        ContainerSummary web = detached("web", network("bridge", List.of("127.0.0.1:" + port + ":80"), false));

        assertThat(awaitAnswer(port)).isEqualTo("hello\n");
        assertThat(berth.containers().list(false)).singleElement().satisfies(row ->
                assertThat(row.ports()).containsExactly("127.0.0.1:" + port + "->80/tcp"));
        assertThat(berth.containers().ports("web")).containsExactly(new PortBinding(80, "tcp", "127.0.0.1", port));

        berth.containers().stop("web", Optional.of(Duration.ofSeconds(1)));
        assertThat(berth.containers().ports("web")).isEmpty();
        assertThat(namespaces()).doesNotContain("berth-" + web.shortId());
        assertThat(answer(port)).isEmpty();

        berth.containers().start("web");
        assertThat(awaitAnswer(port)).isEqualTo("hello\n");

        berth.containers().remove("web", true);
        assertNothingLeftOf(web.id());
    }

    @Test
    void publishAllGivesEveryExposedPortAnEphemeralHostPort() throws Exception {
        ContainerSummary web = detached("all", network("bridge", List.of(), true));

        List<PortBinding> ports = berth.containers().ports("all");
        assertThat(ports).singleElement().satisfies(binding -> {
            assertThat(binding.containerKey()).isEqualTo("80/tcp");
            assertThat(binding.hostPort()).isPositive();
        });
        assertThat(awaitAnswer(ports.getFirst().hostPort())).isEqualTo("hello\n");
        berth.containers().remove("all", true);
        assertNothingLeftOf(web.id());
    }

    @Test
    void containersOnOneNetworkReachEachOtherByNameAndAliasAndAnotherNetworksCannot() throws Exception {
        berth.networks().create(NetworkCreateRequest.named("net-front"));
        berth.networks().create(NetworkCreateRequest.named("net-back"));
        ContainerSummary server = detached("srv", new ContainerNetwork("net-front", List.of("api"), Optional.empty(),
                List.of(), false, List.of(), List.of()));
        NetworkSummary front = berth.networks().inspect("net-front");
        assertThat(front.containers()).singleElement().satisfies(endpoint -> assertThat(endpoint.name()).isEqualTo("srv"));
        String address = front.containers().getFirst().address().replaceAll("/.*", "");
        awaitListening(address);

        assertThat(foreground("net-front", "wget -qO- http://srv/ && wget -qO- http://api/")).isEqualTo("hello\nhello\n");
        assertThat(foreground("net-back", "nslookup srv >/dev/null 2>&1; echo resolve=$?; "
                + "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 " + address + " 80 | grep -c hello"))
                .startsWith("resolve=1\n0");
        assertThatThrownBy(() -> berth.networks().remove("net-front")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("has active endpoints (name:\"srv\"");

        berth.containers().remove("srv", true);
        assertNothingLeftOf(server.id());
        // netavark removes a network's bridge (and so every veth on it) with its last container.
        assertThat(Path.of("/sys/class/net", front.bridge())).doesNotExist();
        berth.networks().remove("net-front");
        assertThat(berth.networks().prune()).containsExactly("net-back");
        assertThat(berth.networks().list()).extracting(NetworkSummary::name).containsExactly("bridge");
    }

    @Test
    void networkNoneHasOnlyLoopbackAndTheDefaultBridgeAnAddress() throws Exception {
        assertThat(foreground("none", "ls /sys/class/net")).isEqualTo("lo\n");
        assertThat(foreground("bridge", "ls /sys/class/net; ip -4 route | grep -c default"))
                .isEqualTo("eth0\nlo\n1\n");
        try (Stream<Path> owned = Files.list(state.resolve("networks").resolve("stores"))) {
            assertThat(owned).as("containers of this store still set up").isEmpty();
        }
    }

    private ContainerSummary detached(String name, ContainerNetwork network) {
        containers.add(name);
        return berth.containers().run(RunRequest.builder("busybox:net").command(HTTPD).network(network).build(),
                Optional.of(name), Map.of(), false);
    }

    private String foreground(String network, String script) throws IOException {
        RunRequest request = RunRequest.builder("busybox:net").command(List.of("sh", "-c", script))
                .network(ContainerNetwork.named(network))
                .streams(new RunRequest.Streams.ToFiles(streams.resolve("out"), streams.resolve("err"))).build();
        berth.run(request);
        return Files.readString(streams.resolve("out"));
    }

    private static ContainerNetwork network(String mode, List<String> publish, boolean publishAll) {
        return new ContainerNetwork(mode, List.of(), Optional.empty(), publish, publishAll, List.of(), List.of());
    }

    /** No namespace, netavark options file or lease naming the container. */
    private void assertNothingLeftOf(String id) throws IOException {
        assertThat(namespaces()).doesNotContain("berth-" + id.substring(0, 12));
        Path run = state.resolve("networks");
        assertThat(run.resolve("containers").resolve(id + ".json")).doesNotExist();
        assertThat(run.resolve("stores").resolve(id)).doesNotExist();
        try (Stream<Path> leases = Files.walk(run.resolve("leases"))) {
            for (Path lease : leases.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(lease).strip()).as(lease.toString()).isNotEqualTo(id);
            }
        }
    }

    private static List<String> namespaces() {
        return HostCommand.of("ip", "netns", "list").run().orThrow().stdout().lines()
                .map(line -> line.split(" ")[0]).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String awaitAnswer(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            String body = answer(port);
            if (!body.isEmpty() || System.nanoTime() > deadline) {
                return body;
            }
            Thread.sleep(50);
        }
    }

    /** The body 127.0.0.1:PORT answers with, or empty when nothing answers within a second. */
    private static String answer(int port) throws InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException refused) {
            return "";
        }
    }

    /** Waits until the container at {@code address} accepts connections (reached from the host, over its bridge). */
    private static void awaitListening(String address) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(address, 80), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
    }
}
