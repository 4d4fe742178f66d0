package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.Berth;
import dev.berth.api.ContainerNetwork;
import dev.berth.api.ContainerSummary;
import dev.berth.api.ExecRequest;
import dev.berth.api.ImportRequest;
import dev.berth.api.NetworkCreateRequest;
import dev.berth.api.NetworkEndpoint;
import dev.berth.api.NetworkSummary;
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
 * A container on two networks at once, with the real netavark, aardvark-dns, runc and conmon: c1 on net-a and
 * net-b, c2 on net-b only, c3 on net-a only. c2 finds c1 by name, alias and short id at its net-b address; c3
 * cannot resolve or reach c2; c1 publishes a port through its first network; stop and start set both networks up
 * again; {@code rm -f} leaves no lease, options file, namespace or aardvark-dns entry. A stopped container is
 * connected to and disconnected from networks for its next start.
 */
@ExtendWith(IntegrationFixtures.class)
class MultiNetworkIT {

    /** busybox httpd serving {@code hello} on port 80, in the foreground. */
    private static final List<String> HTTPD = List.of("sh", "-c",
            "mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 80 -h /www");

    @TempDir
    Path root;
    @TempDir
    Path state;
    private Berth berth;
    private final List<String> containers = new ArrayList<>();

    @BeforeEach
    void importBusybox(BaseImages images) throws IOException {
        StoreLayout layout = StoreLayout.resolve(Optional.of(root), Map.of(), 0);
        berth = Berth.open(Settings.builder().root(layout.root()).environment(Map.of()).clock(Clock.systemUTC())
                .runtimeState(state).runtime("runc").build());
        try (InputStream in = Files.newInputStream(images.busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(in).reference("busybox:multi").message("test").build());
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
        for (String network : List.of("multi-a", "multi-b")) {
            try {
                berth.networks().remove(network);
            } catch (RuntimeException alreadyGone) {
                // Never made, or removed by the test.
            }
        }
        berth.close();
    }

    @Test
    void aContainerOnTwoNetworksIsFoundOnEachAndTheNetworksStayApart() throws Exception {
        // Subnets given, not chosen: other tests on this host may be choosing at the same moment.
        berth.networks().create(new NetworkCreateRequest("multi-a", "bridge", Optional.of("10.87.211.0/24"),
                Optional.empty(), false, Map.of()));
        berth.networks().create(new NetworkCreateRequest("multi-b", "bridge", Optional.of("10.87.212.0/24"),
                Optional.empty(), false, Map.of()));
        int port = freePort();
        ContainerSummary c1 = detached("c1", ContainerNetwork.joining(List.of(
                new NetworkEndpoint("multi-a", List.of("alias-a"), Optional.empty()),
                new NetworkEndpoint("multi-b", List.of("alias-b"), Optional.of("10.87.212.50"))),
                List.of("127.0.0.1:" + port + ":80")));
        ContainerSummary c2 = detached("c2", ContainerNetwork.named("multi-b"));
        detached("c3", ContainerNetwork.named("multi-a"));
        String c1OnA = address("multi-a", c1.id());
        String c2OnB = address("multi-b", c2.id());
        assertThat(address("multi-b", c1.id())).isEqualTo("10.87.212.50");
        assertThat(berth.containers().summary("c1").network()).isEqualTo("multi-a,multi-b");
        assertThat(awaitAnswer(port)).as("the port published through the first network").isEqualTo("hello\n");

        assertThat(exec("c1", "[ $(grep -c ^nameserver /etc/resolv.conf) -eq 2 ] && [ $(ls /sys/class/net | grep -c eth) -eq 2 ]"))
                .as("both networks' nameservers and interfaces in c1").isZero();
        for (String name : List.of("c1", "alias-b", c1.shortId())) {
            assertThat(exec("c2", "nslookup " + name + " | grep -qF 10.87.212.50 && ! nslookup " + name
                    + " | grep -qF " + c1OnA + " && ping -c 1 -W 2 " + name + " && wget -qO- http://" + name + "/"))
                    .as("c2 resolves and reaches " + name + " at c1's multi-b address").isZero();
        }
        assertThat(exec("c2", "nslookup alias-a")).as("c1's alias on multi-a, asked on multi-b").isNotZero();
        assertThat(exec("c3", "nslookup alias-a | grep -qF " + c1OnA)).as("c3 resolves c1's multi-a alias").isZero();
        assertThat(exec("c3", "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 " + c1OnA + " 80 | grep -q hello"))
                .as("c3 reaches c1 at its multi-a address " + c1OnA).isZero();
        assertThat(exec("c3", "nslookup c2")).as("c3 resolves c2 (nslookup)").isNotZero();
        assertThat(exec("c3", "ping -c 1 -W 1 c2")).as("c3 resolves c2 (getaddrinfo)").isNotZero();
        assertThat(exec("c3", "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 " + c2OnB + " 80 | grep -q hello"))
                .as("c3 reaches c2's address " + c2OnB).isNotZero();

        RunRequest foreground = RunRequest.builder("busybox:multi")
                .command(List.of("sh", "-c", "nslookup c2 | grep -qF " + c2OnB
                        + " && ping -c 1 -W 2 c3 && wget -qO- http://c3/"))
                .network(ContainerNetwork.joining(List.of(NetworkEndpoint.named("multi-b"), NetworkEndpoint.named("multi-a")),
                        List.of()))
                .streams(new RunRequest.Streams.ToFiles(state.resolve("out"), state.resolve("err"))).build();
        assertThat(berth.run(foreground).exitCode()).as("a foreground container on both networks finds c2 and c3")
                .isZero();

        berth.containers().stop("c1", Optional.of(Duration.ofSeconds(1)));
        berth.containers().start("c1");
        assertThat(exec("c2", "for i in 1 2 3 4 5 6 7 8 9 10; do wget -qO- http://alias-b/ && exit 0; sleep 0.5; done; exit 1")).as("c1 on multi-b again after stop and start").isZero();
        assertThat(address("multi-a", c1.id())).isNotEmpty();

        // Regression, disconnectLeftTheDisconnectedNetworksPortForwardingBehind: netavark forwards the published
        // port on each network; leaving multi-b left multi-b's DNAT chain first in line, pointing at an address c1
        // no longer had: the port stopped answering, and the rules outlived c1.
        assertThat(awaitAnswer(port)).isEqualTo("hello\n");
        berth.networks().disconnect("multi-b", "c1");
        assertThat(natRulesNaming(c1.id())).noneMatch(rule -> rule.contains("dnat name: multi-b "))
                .anyMatch(rule -> rule.contains("dnat name: multi-a "));
        assertThat(awaitAnswer(port)).as("the port answers after multi-b was left").isEqualTo("hello\n");
        berth.networks().connect("multi-b", "c1");
        assertThat(natRulesNaming(c1.id())).as("a network joined live forwards the port too")
                .anyMatch(rule -> rule.contains("dnat name: multi-b "));
        assertThat(awaitAnswer(port)).as("the port answers after multi-b was joined again").isEqualTo("hello\n");

        berth.containers().remove("c1", true);
        assertNothingLeftOf(c1.id());
        assertThat(exec("c2", "nslookup c1")).as("c1 resolved after rm").isNotZero();
        berth.containers().remove("c2", true);
        berth.containers().remove("c3", true);
        assertThat(state.resolve("networks").resolve("aardvark-dns")).satisfies(directory -> {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.list(directory)) {
                    assertThat(files.map(file -> file.getFileName().toString()))
                            .doesNotContain("multi-a", "multi-b");
                }
            }
        });
    }

    @Test
    void aStoppedContainerIsConnectedAndDisconnectedForItsNextStart() throws Exception {
        berth.networks().create(new NetworkCreateRequest("multi-a", "bridge", Optional.of("10.87.213.0/24"),
                Optional.empty(), false, Map.of()));
        berth.networks().create(new NetworkCreateRequest("multi-b", "bridge", Optional.of("10.87.214.0/24"),
                Optional.empty(), false, Map.of()));
        ContainerSummary web = detached("web", ContainerNetwork.named("multi-a"));
        detached("peer", ContainerNetwork.named("multi-b"));

        berth.containers().stop("web", Optional.of(Duration.ofSeconds(1)));
        berth.networks().connect("multi-b", "web", List.of("www"), Optional.of("10.87.214.77"));
        assertThatThrownBy(() -> berth.networks().connect("multi-b", "web")).isInstanceOf(ConflictException.class)
                .hasMessage("endpoint with name web already exists in network multi-b");
        berth.containers().start("web");
        assertThat(berth.containers().summary("web").network()).isEqualTo("multi-a,multi-b");
        assertThat(address("multi-b", web.id())).isEqualTo("10.87.214.77");
        assertThat(exec("peer", "for i in 1 2 3 4 5 6 7 8 9 10; do wget -qO- http://www/ && exit 0; sleep 0.5; done;"
                + " exit 1")).as("peer reaches web by its alias on multi-b").isZero();

        berth.containers().stop("web", Optional.of(Duration.ofSeconds(1)));
        berth.networks().disconnect("multi-a", "web");
        assertThatThrownBy(() -> berth.networks().disconnect("multi-b", "web")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("only network");
        assertThatThrownBy(() -> berth.networks().disconnect("multi-a", "web")).isInstanceOf(ConflictException.class)
                .hasMessage("container " + web.id() + " is not connected to network multi-a");
        berth.containers().start("web");
        assertThat(berth.containers().summary("web").network()).isEqualTo("multi-b");
        assertThat(address("multi-a", web.id())).isEmpty();
        assertThat(exec("web", "[ $(ls /sys/class/net | grep -c eth) -eq 1 ]")).as("web on one network").isZero();
        berth.containers().remove("web", true);
        assertNothingLeftOf(web.id());
    }

    private ContainerSummary detached(String name, ContainerNetwork network) {
        containers.add(name);
        return berth.containers().run(RunRequest.builder("busybox:multi").command(HTTPD).network(network).build(),
                Optional.of(name), Map.of(), false);
    }

    /** The exit code of {@code script} run in {@code container}. */
    private int exec(String container, String script) {
        return berth.execs().run(ExecRequest.of(container, List.of("sh", "-c", script)));
    }

    /** The container's address on {@code network}, from the leases; empty when it holds none. */
    private String address(String network, String id) {
        NetworkSummary summary = berth.networks().inspect(network);
        return summary.containers().stream().filter(container -> container.id().equals(id))
                .map(container -> container.address().replaceAll("/.*", "")).findFirst().orElse("");
    }

    /** The host's NAT rules whose netavark comment names the container. */
    private static List<String> natRulesNaming(String id) throws IOException {
        return HostCommand.of("iptables", "-t", "nat", "-S").run().orThrow().stdout().lines()
                .filter(rule -> rule.contains("id: " + id)).toList();
    }

    /** No namespace, netavark options file, lease, aardvark-dns line or NAT rule naming the container. */
    private void assertNothingLeftOf(String id) throws IOException {
        assertThat(natRulesNaming(id)).isEmpty();
        List<String> namespaces = HostCommand.of("ip", "netns", "list").run().orThrow().stdout().lines()
                .map(line -> line.split(" ")[0]).toList();
        assertThat(namespaces).doesNotContain("berth-" + id.substring(0, 12));
        Path run = state.resolve("networks");
        assertThat(run.resolve("containers").resolve(id + ".json")).doesNotExist();
        assertThat(run.resolve("stores").resolve(id)).doesNotExist();
        for (Path directory : List.of(run.resolve("leases"), run.resolve("aardvark-dns"))) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain(id);
                }
            }
        }
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

    private static String answer(int port) throws InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException refused) {
            return "";
        }
    }
}
