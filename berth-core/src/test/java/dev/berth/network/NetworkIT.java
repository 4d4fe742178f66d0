package dev.berth.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.ExecutionException;
import dev.berth.testing.CommandResult;
import dev.berth.testing.HostCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two network namespaces standing in for containers on one user network, through the real netavark 1.4 and
 * aardvark-dns (root; Debian's {@code netavark} and {@code aardvark-dns} packages): addresses, DNS by name, a
 * published port on 127.0.0.1, and nothing left after teardown. Only 127.0.0.1 and the namespaces made here are
 * talked to.
 */
class NetworkIT {

    private static final String BUSYBOX = "/bin/busybox";

    @TempDir
    Path networks;
    @TempDir
    Path run;
    @TempDir
    Path www;

    private final String tag = Integer.toHexString(0x100000 + ThreadLocalRandom.current().nextInt(0xefffff));
    private final ContainerRef alpha = new ContainerRef(randomId(), "alpha-" + tag);
    private final ContainerRef bravo = new ContainerRef(randomId(), "bravo-" + tag);
    private final List<Runnable> cleanups = new ArrayList<>();
    private NetworkStore store;
    private Netavark netavark;

    @BeforeEach
    void requireTheStack() {
        assumeTrue("root".equals(System.getProperty("user.name")), "network namespaces and netavark need root");
        assumeTrue(Netavark.installed(), "netavark is not installed at " + Netavark.BINARY
                + " (apt-get install netavark aardvark-dns)");
        assumeTrue(Files.isExecutable(Path.of(BUSYBOX)), "busybox-static is not installed at " + BUSYBOX);
        store = NetworkStore.open(networks, Clock.systemUTC());
        netavark = new Netavark(Netavark.BINARY, Netavark.AARDVARK_BINARY, run);
    }

    @AfterEach
    void cleanUp() {
        // Last made, first undone; every step runs even when an earlier one fails.
        for (Runnable cleanup : cleanups.reversed()) {
            try {
                cleanup.run();
            } catch (RuntimeException e) {
                System.err.println("NetworkIT cleanup: " + e.getMessage());
            }
        }
        if (netavark != null) {
            netavark.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void containersGetAddressesFindEachOtherByNameAndPublishPorts() throws Exception {
        NetworkDefinition network = store.create(NetworkRequest.named("it-" + tag));
        NetworkNamespace a = namespace("berth-it-a-" + tag);
        NetworkNamespace b = namespace("berth-it-b-" + tag);

        NetworkSetup setupA = attach(a, alpha, List.of(Attachment.to(network)), List.of());
        NetworkSetup setupB = attach(b, bravo, List.of(new Attachment(network, List.of("db"), Optional.empty())),
                List.of(PublishedPort.parse("127.0.0.1::80")));

        Endpoint endpointA = setupA.endpoints().getFirst();
        Endpoint endpointB = setupB.endpoints().getFirst();
        assertThat(endpointA.address()).isEqualTo(network.gateway().plus(1));
        assertThat(endpointB.address()).isEqualTo(network.gateway().plus(2));
        assertThat(endpointA.interfaceName()).isEqualTo("eth0");
        assertThat(endpointA.gateway()).contains(network.gateway());
        assertThat(addresses(a)).contains(endpointA.address() + "/" + network.subnet().prefix());
        assertThat(addresses(b)).contains(endpointB.address() + "/" + network.subnet().prefix());
        assertThat(setupA.dnsServers()).containsExactly(network.gateway());
        assertThat(netavark.attachedContainers(network)).containsExactlyInAnyOrder(alpha.id(), bravo.id());
        PortMapping published = setupB.ports().getFirst();
        assertThat(netavark.publishedPorts(bravo)).containsExactly(published);
        assertThat(published.hostIp()).isEqualTo("127.0.0.1");
        assertThat(published.containerPort()).isEqualTo(80);
        assertThat(published.hostPort()).isBetween(PortProbe.ephemeralRange()[0], PortProbe.ephemeralRange()[1]);
        String nat = iptables("-t", "nat", "-S");
        assertThat(nat).contains("-s " + network.subnet() + " -j NETAVARK-");
        assertThat(nat).contains("--dport " + published.hostPort());

        // ip netns exec mounts /etc/netns/NAME/resolv.conf over /etc/resolv.conf: the container's own file.
        String resolvConf = ResolvConf.forContainer(Files.readString(Path.of("/etc/resolv.conf")), setupA);
        assertThat(resolvConf).startsWith("nameserver " + network.gateway() + "\nsearch dns.podman");
        Path etcNetns = Path.of("/etc/netns");
        Path etc = etcNetns.resolve(a.name());
        boolean hadEtcNetns = Files.exists(etcNetns);
        cleanups.add(() -> deleteTree(hadEtcNetns ? etc : etcNetns));
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("resolv.conf"), resolvConf);
        for (String name : List.of(bravo.name(), bravo.name() + ".dns.podman", "db", bravo.shortId())) {
            CommandResult lookup = exec(a, BUSYBOX, "nslookup", name);
            assertThat(lookup.stdout()).as("nslookup %s in %s: %s", name, a.name(), lookup.stderr())
                    .contains("Address: " + endpointB.address());
        }

        Files.writeString(www.resolve("index.html"), "hello from bravo\n");
        Process httpd = new ProcessBuilder("ip", "netns", "exec", b.name(), BUSYBOX, "httpd", "-f", "-p", "80", "-h",
                www.toString()).redirectErrorStream(true).start();
        cleanups.add(() -> {
            httpd.destroyForcibly();
            awaitExit(httpd);
        });
        assertThat(httpGet("127.0.0.1", published.hostPort())).contains("hello from bravo");
        assertThat(exec(a, BUSYBOX, "wget", "-q", "-O", "-", "http://" + bravo.name() + "/").stdout())
                .isEqualTo("hello from bravo\n");

        httpd.destroyForcibly();
        awaitExit(httpd);
        netavark.teardown(b, bravo);
        netavark.teardown(a, alpha);
        String after = iptables("-t", "nat", "-S") + iptables("-S");
        assertThat(after).doesNotContain(network.subnet().toString()).doesNotContain(bravo.id())
                .doesNotContain("--dport " + published.hostPort() + " ");
        assertThat(Path.of("/sys/class/net", network.interfaceName())).doesNotExist();
        assertThat(addresses(a)).doesNotContain(endpointA.address().toString());
        assertThat(aardvarkProcesses()).as("aardvark-dns processes of " + run).isEmpty();
        assertThat(netavark.attachedContainers(network)).isEmpty();
        assertThat(netavark.publishedPorts(bravo)).isEmpty();
        a.delete();
        b.delete();
        assertThat(a.exists()).isFalse();
    }

    @Test
    void aFailedSetupNamesNetworkAndContainerAndLeavesNothing() throws IOException {
        NetworkDefinition network = store.create(NetworkRequest.named("it-fail-" + tag));
        Path notANamespace = Files.writeString(run.resolve("not-a-netns"), "");
        NetworkNamespace bogus = new NetworkNamespace("bogus", notANamespace);
        assertThatThrownBy(() -> netavark.setup(bogus, alpha, List.of(Attachment.to(network)),
                List.of(PublishedPort.parse("127.0.0.1::80"))))
                .isInstanceOf(ExecutionException.class)
                .hasMessageStartingWith("setting up network " + network.name() + " for container " + alpha.name()
                        + " (" + alpha.shortId() + "): netavark exited with 1: ")
                .hasMessageContaining("setns");
        assertThat(netavark.attachedContainers(network)).isEmpty();
        assertThat(Path.of("/sys/class/net", network.interfaceName())).doesNotExist();
        assertThat(iptables("-t", "nat", "-S")).doesNotContain(network.subnet().toString());
        try (Stream<Path> left = Files.list(run.resolve("containers"))) {
            assertThat(left).isEmpty();
        }
    }

    private NetworkNamespace namespace(String name) {
        NetworkNamespace namespace = NetworkNamespace.create(name);
        cleanups.add(namespace::delete);
        return namespace;
    }

    private NetworkSetup attach(NetworkNamespace namespace, ContainerRef container, List<Attachment> attachments,
            List<PublishedPort> ports) {
        // Registered first, so it runs after whatever this test starts in the namespace is stopped.
        cleanups.add(() -> netavark.teardown(namespace, container));
        return netavark.setup(namespace, container, attachments, ports);
    }

    /** The IPv4 addresses in the namespace, as {@code ADDRESS/PREFIX}, from {@code ip -j addr}. */
    private static List<String> addresses(NetworkNamespace namespace) throws IOException {
        JsonNode links = new ObjectMapper().readTree(HostCommand.of("ip", "-n", namespace.name(), "-j", "addr")
                .run().orThrow().stdout());
        List<String> found = new ArrayList<>();
        for (JsonNode link : links) {
            for (JsonNode address : link.path("addr_info")) {
                if (address.path("family").asText().equals("inet")) {
                    found.add(address.path("local").asText() + "/" + address.path("prefixlen").asInt());
                }
            }
        }
        return found;
    }

    private static CommandResult exec(NetworkNamespace namespace, String... command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace.name()));
        argv.addAll(List.of(command));
        return HostCommand.of(argv).withTimeout(Duration.ofSeconds(30)).run();
    }

    private static String iptables(String... args) {
        List<String> argv = new ArrayList<>(List.of("iptables", "-w"));
        argv.addAll(List.of(args));
        return HostCommand.of(argv).run().orThrow().stdout();
    }

    /** A GET to {@code host:port}, retried while httpd is starting. */
    private static String httpGet(String host, int port) throws Exception {
        IOException last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 2000);
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write("GET /index.html HTTP/1.0\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!answer.isEmpty()) {
                    return answer;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new IOException("no answer from " + host + ":" + port, last);
    }

    /** Live aardvark-dns processes reading our run directory (zombies waiting for init are not running). */
    private List<Long> aardvarkProcesses() throws IOException {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmdline.contains("aardvark-dns") && cmdline.contains(run.toString())) {
                        found.add(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // Ended while we looked.
                }
            }
        }
        return found;
    }

    private static void awaitExit(Process process) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
