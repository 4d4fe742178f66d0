package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth run --network container:NAME} from the command line (root, runc, conmon, netavark): a second
 * container reaches the first one's server on 127.0.0.1 and sees its hostname and {@code /etc/hosts}; inspect shows
 * Docker's {@code container:ID} mode and no networks; a stopped sharer starts again into the first one's namespace,
 * and refuses to while that one is stopped; Docker's conflicting options exit 125; removing both leaves no namespace,
 * mount or network endpoint behind.
 */
class SharedNetworkNamespaceIT {

    private static final String SERVE = "mkdir -p /www && echo hi > /www/index.html && exec httpd -f -p 8080 -h /www";
    private static final String FETCH = "for i in 1 2 3 4 5 6 7 8 9 10; do wget -qO- http://127.0.0.1:8080/ && exit 0;"
            + " sleep 0.3; done; exit 1";

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
        berth("rm", "-f", "share-side", "share-web");
        berth("network", "rm", "share-net");
    }

    @Test
    void aContainerSharesAnothersNetworkNamespace() throws Exception {
        // A subnet given: other tests on this host may be choosing theirs at the same moment.
        assertThat(berth("network", "create", "--subnet", "10.87.241.0/24", "share-net").exit()).isZero();
        CliProcess.Outcome web = berth("run", "-d", "--runtime", "runc", "--name", "share-web", "--network",
                "share-net", "busybox", "sh", "-c", SERVE);
        assertThat(web.exit()).as(web.err()).isZero();
        String webId = web.out().strip();

        CliProcess.Outcome peer = berth("run", "--runtime", "runc", "--network", "container:share-web", "busybox",
                "sh", "-c", "(" + FETCH + ") && hostname && cat /etc/hosts");
        assertThat(peer.exit()).as(peer.err()).isZero();
        String webHosts = berth("exec", "share-web", "cat", "/etc/hosts").out();
        assertThat(webHosts).contains("10.87.241.");
        assertThat(peer.out()).isEqualTo("hi\n" + webId.substring(0, 12) + "\n" + webHosts);

        CliProcess.Outcome side = berth("run", "-d", "--runtime", "runc", "--name", "share-side", "--net",
                "container:" + webId.substring(0, 12), "busybox", "sleep", "300");
        assertThat(side.exit()).as(side.err()).isZero();
        String sideId = side.out().strip();
        assertThat(berth("inspect", "-f", "{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Networks}}",
                "share-side").out()).isEqualTo("container:" + webId + " {}\n");
        assertThat(berth("port", "share-side").out()).isEmpty();
        assertThat(berth("ps", "--filter", "name=share-side", "--format", "{{.Names}}|{{.Ports}}|{{.Networks}}")
                .out()).isEqualTo("share-side||\n");
        assertThat(berth("exec", "share-side", "sh", "-c", FETCH).out()).isEqualTo("hi\n");
        assertThat(berth("network", "connect", "share-net", "share-side").err())
                .contains("container sharing network namespace with another container or host cannot be connected");

        // Stopped, it cannot start while the container it shares with is stopped; it starts again into its new one.
        assertThat(berth("stop", "-t", "1", "share-side").exit()).isZero();
        assertThat(berth("stop", "-t", "1", "share-web").exit()).isZero();
        CliProcess.Outcome refused = berth("start", "share-side");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("cannot join network of a non running container");
        assertThat(berth("start", "share-web").exit()).isZero();
        CliProcess.Outcome started = berth("start", "share-side");
        assertThat(started.exit()).as(started.err()).isZero();
        assertThat(berth("exec", "share-side", "sh", "-c", FETCH).out()).isEqualTo("hi\n");

        // Docker refuses nothing here: the sharer keeps the namespace while it lives.
        assertThat(berth("rm", "-f", "share-web").exit()).isZero();
        assertThat(berth("inspect", "-f", "{{.State.Running}}", "share-side").out()).isEqualTo("true\n");
        assertThat(berth("rm", "-f", "share-side").exit()).isZero();
        assertThat(berth("network", "rm", "share-net").exit()).isZero();
        for (String id : List.of(webId, sideId)) {
            assertThat(Path.of("/run/netns/berth-" + id.substring(0, 12))).doesNotExist();
            assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(id);
        }
    }

    @Test
    void dockersConflictingOptionsExitWith125() throws Exception {
        assertThat(berth("run", "-d", "--runtime", "runc", "--name", "share-web", "--network", "none", "busybox",
                "sleep", "300").exit()).isZero();
        // Each refusal in Docker's words is a row of NetworkNamespaceSharingTest; here, that the CLI exits 125.
        for (List<String> flags : List.of(
                List.of("--hostname", "h", "--network", "container:share-web"),
                List.of("-p", "8080:80", "--network", "container:share-web"),
                List.of("--network", "container:no-such-one"))) {
            List<String> args = new ArrayList<>(List.of("run", "-d", "--runtime", "runc"));
            args.addAll(flags);
            args.addAll(List.of("busybox", "true"));
            CliProcess.Outcome refused = berth(args.toArray(String[]::new));
            assertThat(refused.exit()).as(flags + ": " + refused.err()).isEqualTo(125);
            assertThat(refused.err()).as(flags.toString()).containsAnyOf("conflicting options: hostname and the network",
                    "conflicting options: port publishing and the container type network mode",
                    "No such container: no-such-one");
        }
        assertThat(berth("stop", "-t", "1", "share-web").exit()).isZero();
        CliProcess.Outcome stopped = berth("run", "--runtime", "runc", "--network", "container:share-web", "busybox",
                "true");
        assertThat(stopped.exit()).isEqualTo(125);
        assertThat(stopped.err()).contains("cannot join network of a non running container: share-web");
        assertThat(berth("ps", "-aq").out().lines().count()).as("only share-web is made").isEqualTo(1);
    }

    private CliProcess.Outcome berth(String... args) throws Exception {
        return new CliProcess(work, root).run(args);
    }
}
