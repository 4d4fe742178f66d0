package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth run --network A --network name=B,alias=X,ip=IP} from the command line (root, runc, conmon, netavark),
 * each command in its own JVM: {@code ps} shows both networks, a peer on B finds the alias, Docker's refusals exit 125.
 */
class MultiNetworkCommandsIT {

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
        berth("rm", "-f", "multi-web");
        berth("network", "rm", "multi-front");
        berth("network", "rm", "multi-back");
    }

    @Test
    void aContainerJoinsTwoNetworksFromTheCommandLine() throws Exception {
        // Subnets given: other tests on this host may be choosing theirs at the same moment.
        assertThat(berth("network", "create", "--subnet", "10.87.231.0/24", "multi-front").exit()).isZero();
        assertThat(berth("network", "create", "--subnet", "10.87.232.0/24", "multi-back").exit()).isZero();
        CliProcess.Outcome run = berth("run", "-d", "--runtime", "runc", "--name", "multi-web", "--network", "multi-front",
                "--network", "name=multi-back,alias=api,ip=10.87.232.40", "busybox", "sh", "-c",
                "mkdir -p /www && echo hi > /www/index.html && exec httpd -f -p 80 -h /www");
        assertThat(run.exit()).as(run.err()).isZero();

        assertThat(berth("ps", "--format", "{{.Names}} {{.Networks}}").out()).isEqualTo("multi-web multi-back,multi-front\n");
        assertThat(berth("network", "inspect", "-f", "{{json .Containers}}", "multi-back").out())
                .contains("\"Name\":\"multi-web\"", "\"IPv4Address\":\"10.87.232.40/24\"");
        CliProcess.Outcome peer = berth("run", "--runtime", "runc", "--network", "multi-back", "busybox", "sh", "-c",
                "for i in 1 2 3 4 5 6 7 8 9 10; do wget -qO- http://api/ && exit 0; sleep 0.5; done; exit 1");
        assertThat(peer.out()).as(peer.err()).isEqualTo("hi\n");
        assertThat(berth("rm", "-f", "multi-web").exit()).isZero();
        assertThat(berth("network", "inspect", "-f", "{{json .Containers}}", "multi-back").out()).isEqualTo("{}\n");
    }

    @Test
    void dockersRefusalsOfNetworkSetsExitWith125() throws Exception {
        assertThat(berth("network", "create", "--subnet", "10.87.231.0/24", "multi-front").exit()).isZero();
        for (List<String> flags : List.of(
                List.of("--network", "host", "--network", "multi-front"),
                List.of("--network", "multi-front", "--network", "bridge"),
                List.of("--network", "name=multi-front,color=red"),
                List.of("--network", "name=multi-front,alias=a", "--network-alias", "b"))) {
            List<String> args = new ArrayList<>(List.of("run", "--runtime", "runc"));
            args.addAll(flags);
            args.addAll(List.of("busybox", "true"));
            CliProcess.Outcome refused = berth(args.toArray(String[]::new));
            assertThat(refused.exit()).as(flags + ": " + refused.err()).isEqualTo(125);
            assertThat(refused.err()).as(flags.toString()).containsAnyOf("connected to host network",
                    "non-user-defined network-modes", "invalid field key color", "per-network alias");
        }
    }

    private CliProcess.Outcome berth(String... args) throws Exception {
        return new CliProcess(work, root).run(args);
    }
}
