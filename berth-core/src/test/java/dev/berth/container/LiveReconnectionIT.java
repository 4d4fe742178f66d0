package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.Berth;
import dev.berth.api.ContainerNetwork;
import dev.berth.api.ContainerSummary;
import dev.berth.api.ExecRequest;
import dev.berth.api.ImportRequest;
import dev.berth.api.NetworkCreateRequest;
import dev.berth.api.NetworkSummary;
import dev.berth.api.RunRequest;
import dev.berth.api.Settings;
import dev.berth.error.ConflictException;
import dev.berth.error.UnsupportedFeatureException;
import dev.berth.store.StoreLayout;
import dev.berth.testing.BaseImages;
import dev.berth.testing.HostCommand;
import dev.berth.testing.IntegrationFixtures;
import java.io.IOException;
import java.io.InputStream;
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
 * {@code network connect}/{@code disconnect} of RUNNING containers with the real netavark, aardvark-dns, runc and
 * conmon: c1 runs on live-a; connected to live-b it is at once found by name and alias and pinged by c2 (on live-b
 * only); disconnected, c2 can neither resolve nor reach it, c1 keeps live-a; stop and start keep what was changed;
 * {@code rm -f} leaves no lease, options file, namespace, veth or aardvark-dns entry.
 */
@ExtendWith(IntegrationFixtures.class)
class LiveReconnectionIT {

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
            berth.importRootfs(ImportRequest.tarball(in).reference("busybox:live").message("test").build());
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
        for (String network : List.of("live-a", "live-b")) {
            try {
                berth.networks().remove(network);
            } catch (RuntimeException alreadyGone) {
                // Never made, or removed by the test.
            }
        }
        berth.close();
    }

    @Test
    void aRunningContainerJoinsAndLeavesANetworkAtOnce() throws Exception {
        berth.networks().create(new NetworkCreateRequest("live-a", "bridge", Optional.of("10.87.215.0/24"),
                Optional.empty(), false, Map.of()));
        berth.networks().create(new NetworkCreateRequest("live-b", "bridge", Optional.of("10.87.216.0/24"),
                Optional.empty(), false, Map.of()));
        ContainerSummary c1 = detached("c1", "live-a");
        detached("c2", "live-b");
        assertThat(exec("c2", "ping -c 1 -W 1 c1")).as("c2 cannot resolve c1 before the connect").isNotZero();

        berth.networks().connect("live-b", "c1", List.of("one"), Optional.of("10.87.216.50"));
        assertThat(berth.containers().summary("c1").network()).isEqualTo("live-a,live-b");
        assertThat(address("live-b", c1.id())).isEqualTo("10.87.216.50");
        assertThat(exec("c2", "ping -c 1 -W 2 c1")).as("c2 pings c1 by name at once").isZero();
        assertThat(exec("c2", "nslookup one | grep -q 10.87.216.50")).as("c2 resolves c1's alias").isZero();
        assertThat(exec("c1", "ping -c 1 -W 2 c2 && grep -q 10.87.216.50 /etc/hosts")).as("c1 reaches c2 back").isZero();
        assertThatThrownBy(() -> berth.networks().connect("live-b", "c1")).isInstanceOf(ConflictException.class)
                .hasMessage("endpoint with name c1 already exists in network live-b");
        assertThatThrownBy(() -> berth.networks().disconnect("live-a", "c1"))
                .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("first network");

        berth.networks().disconnect("live-b", "c1");
        assertThat(berth.containers().summary("c1").network()).isEqualTo("live-a");
        assertThat(address("live-b", c1.id())).isEmpty();
        assertThat(exec("c2", "ping -c 1 -W 1 10.87.216.50")).as("c2 reaches c1 no more").isNotZero();
        assertThat(exec("c2", "nslookup c1")).as("c2 resolves c1 no more").isNotZero();
        assertThat(exec("c1", "[ $(ls /sys/class/net | grep -c eth) -eq 1 ] && ! grep -q 10.87.216.50 /etc/hosts"))
                .as("c1 back on one network").isZero();
        assertThat(address("live-a", c1.id())).isNotEmpty();

        // Connected again, then stopped and started: the record sets both networks up once more.
        berth.networks().connect("live-b", "c1");
        berth.containers().stop("c1", Optional.of(Duration.ofSeconds(1)));
        assertThat(address("live-b", c1.id())).as("stop released the live lease").isEmpty();
        berth.containers().start("c1");
        assertThat(exec("c2", "for i in 1 2 3 4 5; do ping -c 1 -W 1 c1 && exit 0; sleep 0.5; done; exit 1"))
                .as("c2 pings c1 after the restart").isZero();

        berth.containers().remove("c1", true);
        assertNothingLeftOf(c1.id());
    }

    @Test
    void rmAfterAConnectKilledBetweenSavingItsOptionsAndTheSetup() throws Exception {
        // A connect saves the merged options before netavark's setup, so that a kill during the setup leaves
        // nothing the teardown does not know of. Killed just before the setup, the options name a network with no
        // interface: netavark's teardown fails on it, yet rm must remove the container and leave nothing behind.
        berth.networks().create(new NetworkCreateRequest("live-a", "bridge", Optional.of("10.87.217.0/24"),
                Optional.empty(), false, Map.of()));
        berth.networks().create(new NetworkCreateRequest("live-b", "bridge", Optional.of("10.87.218.0/24"),
                Optional.empty(), false, Map.of()));
        ContainerSummary c1 = detached("c1", "live-a");
        ContainerSummary c2 = detached("c2", "live-b");
        Path options = state.resolve("networks").resolve("containers");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var saved = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(options.resolve(c1.id() + ".json").toFile());
        var other = mapper.readTree(options.resolve(c2.id() + ".json").toFile());
        var never = (com.fasterxml.jackson.databind.node.ObjectNode) other.path("networks").path("live-b").deepCopy();
        never.put("interface_name", "eth1");
        never.putArray("static_ips").add("10.87.218.77");
        ((com.fasterxml.jackson.databind.node.ObjectNode) saved.path("networks")).set("live-b", never);
        ((com.fasterxml.jackson.databind.node.ObjectNode) saved.path("network_info")).set("live-b",
                other.path("network_info").path("live-b"));
        mapper.writeValue(options.resolve(c1.id() + ".json").toFile(), saved);

        assertThatThrownBy(() -> berth.containers().remove("c1", true))
                .hasMessageContaining("was removed, but its network teardown failed");
        assertThat(berth.containers().list(true)).extracting(ContainerSummary::name).containsExactly("c2");
        assertNothingLeftOf(c1.id());
        assertThat(root.resolve("containers")).isDirectoryNotContaining(path -> path.getFileName().toString()
                .startsWith(c1.id()));
    }

    private ContainerSummary detached(String name, String network) {
        containers.add(name);
        return berth.containers().run(RunRequest.builder("busybox:live").command(List.of("sleep", "1000"))
                .network(ContainerNetwork.named(network)).build(), Optional.of(name), Map.of(), false);
    }

    private int exec(String container, String script) {
        return berth.execs().run(ExecRequest.of(container, List.of("sh", "-c", script)));
    }

    private String address(String network, String id) {
        NetworkSummary summary = berth.networks().inspect(network);
        return summary.containers().stream().filter(container -> container.id().equals(id))
                .map(container -> container.address().replaceAll("/.*", "")).findFirst().orElse("");
    }

    /** No namespace, netavark options file, lease, aardvark-dns line or host veth naming the container. */
    private void assertNothingLeftOf(String id) throws IOException {
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
        // The bridges go with their last container: c2 is still on live-b, live-a is empty now.
        String links = HostCommand.of("ip", "-o", "link", "show").run().orThrow().stdout();
        String liveA = berth.networks().inspect("live-a").bridge();
        assertThat(links).doesNotContain(" " + liveA + ":");
        assertThat(links.lines().filter(line -> line.contains("master " + berth.networks().inspect("live-b")
                .bridge())).count()).as("one veth left on live-b: c2's").isEqualTo(1);
    }
}
