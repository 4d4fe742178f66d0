package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.Settings;
import dev.berth.testing.BaseImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code network_mode: service:web} under {@code berth compose} (root, runc, conmon, netavark): side starts after web
 * in web's namespace and reaches its httpd on 127.0.0.1; publishes nothing; once web was recreated alone, the next
 * {@code up} recreates side into the new namespace; {@code down} leaves no namespace.
 */
class ComposeSharedNamespaceIT {

    /** SIGKILL: httpd and sleep as PID 1 ignore SIGTERM, so each stop would wait out its grace period. */
    private static final String PROJECT = """
            name: itshare
            services:
              web:
                image: busybox
                command: sh -c "mkdir -p /www && echo hi > /www/index.html && exec httpd -f -p 8080 -h /www"
                stop_signal: SIGKILL
              side:
                image: busybox
                command: sleep 300
                stop_signal: SIGKILL
                network_mode: service:web
            """;
    private static final String FETCH = "for i in 1 2 3 4 5 6 7 8 9 10; do wget -qO- http://127.0.0.1:8080/ && exit 0;"
            + " sleep 0.3; done; exit 1";

    @TempDir
    Path work;

    @AfterEach
    void removeLeftovers() throws Exception {
        compose("down", "--remove-orphans");
    }

    @Test
    void aServiceSharesAnotherServicesNamespace() throws Exception {
        CliProcess.importImage(work.resolve("store"), BaseImages.standard().busyboxRootfs(), "busybox:latest");
        Files.writeString(work.resolve("compose.yaml"), PROJECT);

        CliProcess.Outcome up = compose("up", "-d");
        assertThat(up.exit()).as(up.err()).isZero();
        assertThat(up.err().indexOf("itshare-web-1  Started")).isLessThan(up.err().indexOf("itshare-side-1  Started"));
        assertThat(compose("exec", "side", "sh", "-c", FETCH).out()).isEqualTo("hi\n");

        assertThat(compose("up", "-d", "--force-recreate", "--no-deps", "web").exit()).isZero();
        CliProcess.Outcome again = compose("up", "-d");
        assertThat(again.err()).contains("itshare-web-1  Running", "itshare-side-1  Recreated");
        assertThat(compose("exec", "side", "sh", "-c", FETCH).out()).isEqualTo("hi\n");
        String web;
        // In this JVM: two more CLI processes would cost seconds.
        try (Berth berth = Berth.open(Settings.builder().root(work.resolve("store")).clock(Clock.systemUTC()).build())) {
            web = berth.containers().inspect("itshare-web-1").summary().id();
            assertThat(berth.containers().inspect("itshare-side-1").config().networkMode()).isEqualTo("container:" + web);
            assertThat(berth.containers().ports("itshare-side-1")).isEmpty();
        }

        assertThat(compose("down").exit()).isZero();
        assertThat(Path.of("/run/netns/berth-" + web.substring(0, 12))).doesNotExist();
    }

    private CliProcess.Outcome compose(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("compose"));
        command.addAll(List.of(args));
        return new CliProcess(work, work.resolve("store")).withTimeout(Duration.ofSeconds(120))
                .in(work, command.toArray(String[]::new));
    }
}
