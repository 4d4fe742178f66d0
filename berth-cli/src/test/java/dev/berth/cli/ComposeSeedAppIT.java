package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 004's application, {@code examples/compose-flask-postgres}, brought up offline by {@code berth compose}:
 * {@code web} (Flask) on frontend and backend, {@code db} (PostgreSQL, healthchecked, data in {@code db_data}) on
 * backend, {@code probe} on frontend only. The images are built from {@code debian:bookworm} (mmdebstrap) with
 * packages from Debian's mirror, as the example's Dockerfiles say.
 */
class ComposeSeedAppIT {

    private static final String PROJECT = "seedapp";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One store for the class: its images are built once (about two minutes), the tests share them. */
    @TempDir
    static Path shared;
    static Path root;

    @TempDir
    Path work;
    Path app;
    CliProcess cli;

    @BeforeAll
    static void storeWithDebian() throws IOException {
        root = shared.resolve("store");
        CliProcess.importImage(root, BaseImages.standard().debianRootfs(), "debian:bookworm");
    }

    @BeforeEach
    void project() throws IOException {
        app = work.resolve("app");
        copyTree(Path.of("..", "examples", "compose-flask-postgres").toAbsolutePath().normalize(), app);
        cli = new CliProcess(work, root).withTimeout(Duration.ofMinutes(6));
    }

    @AfterEach
    void down() throws Exception {
        succeeds(compose("down", "-v", "--remove-orphans"));
        // Each test starts from nothing: no container, and db's count gone with its volume.
        assertThat(names()).isEmpty();
        assertThat(cli.run("volume", "ls", "-q").out()).doesNotContain(PROJECT + "_db_data");
    }

    @Test
    void seedAppComesUpHealthyKeepsItsCountAndConvergesWithoutRecreating() throws Exception {
        CliProcess.Outcome up = compose("up", "-d", "--wait");
        assertThat(up.exit()).as(up.err()).isZero();
        JsonNode db = inspect(PROJECT + "-db-1");
        JsonNode web = inspect(PROJECT + "-web-1");
        assertThat(db.at("/State/Health/Status").asText()).isEqualTo("healthy");
        assertThat(web.at("/State/Running").asBoolean()).isTrue();
        // web connects once at start-up, without retrying: it was started only once db had passed a check.
        Instant firstHealthy = firstPassingCheck(db);
        assertThat(Instant.parse(web.at("/State/StartedAt").asText())).isAfter(firstHealthy);
        assertThat(visit()).isEqualTo("Hello! I have been seen 1 times.\n");
        assertThat(visit()).isEqualTo("Hello! I have been seen 2 times.\n");

        // Networks: probe shares only frontend with web, and nothing with db.
        assertThat(exec("probe", "getent", "hosts", "db").exit()).isNotZero();
        CliProcess.Outcome lookup = exec("web", "getent", "hosts", "db");
        assertThat(lookup.exit()).as(lookup.err()).isZero();
        String dbAddress = lookup.out().strip().split("\\s+")[0];
        assertThat(exec("probe", "timeout", "3", "bash", "-c", "echo > /dev/tcp/" + dbAddress + "/5432").exit())
                .isNotZero();
        assertThat(exec("web", "getent", "hosts", "db").out()).startsWith(dbAddress + " ");
        assertThat(exec("web", "getent", "hosts", "database").out()).startsWith(dbAddress + " ");
        assertThat(exec("web", "getent", "hosts", "probe").exit()).isZero();

        // A repeated up recreates nothing.
        Map<String, String> before = identities();
        succeeds(compose("up", "-d", "--wait"));
        assertThat(identities()).isEqualTo(before);

        // config --hash equals the label Compose put on the container.
        String hash = compose("config", "--hash", "web").out().strip().split(" ")[1];
        assertThat(inspect(PROJECT + "-web-1").at("/Config/Labels/com.docker.compose.config-hash").asText())
                .isEqualTo(hash);

        // Editing web's environment recreates web only; db keeps its container and start time.
        CliProcess.Outcome edited = compose(Map.of("GREETING", "Hi"), "up", "-d", "--wait");
        assertThat(edited.exit()).as(edited.err()).isZero();
        Map<String, String> after = identities();
        assertThat(after.get("db")).isEqualTo(before.get("db"));
        assertThat(after.get("probe")).isEqualTo(before.get("probe"));
        assertThat(after.get("web")).isNotEqualTo(before.get("web"));
        assertThat(visit()).isEqualTo("Hi! I have been seen 3 times.\n");

        // Editing web's code and up --build recreates web only.
        Path code = app.resolve("web/app.py");
        Files.writeString(code, Files.readString(code).replace("I have been seen", "I've been seen"));
        CliProcess.Outcome rebuilt = compose(Map.of("GREETING", "Hi"), "up", "-d", "--wait", "--build");
        assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
        Map<String, String> afterBuild = identities();
        assertThat(afterBuild.get("db")).isEqualTo(before.get("db"));
        assertThat(afterBuild.get("web")).isNotEqualTo(after.get("web"));
        assertThat(visit()).isEqualTo("Hi! I've been seen 4 times.\n");

        // The count lives in db_data: it survives down + up, and starts again after down -v.
        succeeds(compose("down"));
        succeeds(compose("up", "-d", "--wait"));
        assertThat(visit()).isEqualTo("Hello! I've been seen 5 times.\n");
        succeeds(compose("down", "-v"));
        succeeds(compose("up", "-d", "--wait"));
        assertThat(visit()).isEqualTo("Hello! I've been seen 1 times.\n");
    }

    @Test
    void everydayCommandsWorkOnTheSeedApp() throws Exception {
        succeeds(compose("up", "-d", "--wait"));
        visit();

        CliProcess.Outcome ps = compose("ps");
        assertThat(ps.out().lines().findFirst().orElseThrow()).startsWith("NAME").contains("SERVICE").contains("STATUS");
        assertThat(ps.out()).contains(PROJECT + "-db-1").contains("(healthy)").contains(PROJECT + "-web-1")
                .contains("127.0.0.1:5000->5000/tcp");
        assertThat(compose("ps", "--services").out().lines().sorted().toList()).containsExactly("db", "probe", "web");

        CliProcess.Outcome logs = compose("logs", "web");
        assertThat(logs.out()).contains("web-1  | ").contains("\"GET / HTTP/1.1\" 200");

        CliProcess.Outcome psql = compose("exec", "-T", "db", "psql", "-U", "postgres", "-tAc",
                "SELECT hits FROM visits");
        assertThat(psql.out().strip()).isEqualTo("1");

        CliProcess.Outcome oneOff = compose("run", "--rm", "--no-deps", "probe", "echo", "one-off");
        assertThat(oneOff.exit()).as(oneOff.err()).isZero();
        assertThat(oneOff.out()).contains("one-off");
        assertThat(names()).noneMatch(name -> name.contains("-run-"));

        succeeds(compose("stop"));
        assertThat(compose("ps").out().lines().count()).isOne();
        assertThat(compose("ps", "-a").out()).contains("Exited");
        succeeds(compose("start"));
        succeeds(compose("restart", "web"));
        awaitVisit("Hello! I have been seen 2 times.\n");

        succeeds(compose("down"));
        assertThat(names()).isEmpty();
        assertThat(cli.run("network", "ls").out()).doesNotContain(PROJECT + "_");
        assertThat(cli.run("volume", "ls").out()).contains(PROJECT + "_db_data");
    }

    @Test
    void upConvergesAfterAnUpKilledMidway() throws Exception {
        Process up = cli.builder("compose", "-p", PROJECT, "up", "-d", "--wait").directory(app.toFile())
                .redirectOutput(work.resolve("killed.out").toFile()).redirectError(work.resolve("killed.err").toFile())
                .start();
        // Killed once the first of its containers exists: mid-way through the project.
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (names().isEmpty() && up.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        // kill -9 of up alone, as a user's: what it started (conmon, health monitors) lives on.
        up.destroyForcibly().waitFor();

        CliProcess.Outcome again = compose("up", "-d", "--wait");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(names()).containsExactlyInAnyOrder(PROJECT + "-db-1", PROJECT + "-web-1", PROJECT + "-probe-1");
        assertThat(visit()).isEqualTo("Hello! I have been seen 1 times.\n");
    }

    /** Asserts the command succeeded, showing its error output when not. */
    private static void succeeds(CliProcess.Outcome outcome) {
        assertThat(outcome.exit()).as(outcome.err()).isZero();
    }

    private CliProcess.Outcome compose(String... args) throws Exception {
        return compose(Map.of(), args);
    }

    private CliProcess.Outcome compose(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("compose", "-p", PROJECT));
        command.addAll(List.of(args));
        return cli.withEnv(env).in(app, command.toArray(String[]::new));
    }

    private CliProcess.Outcome exec(String service, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("exec", "-T", service));
        command.addAll(List.of(args));
        return compose(command.toArray(String[]::new));
    }

    private JsonNode inspect(String container) throws Exception {
        CliProcess.Outcome inspect = cli.run("inspect", container);
        assertThat(inspect.exit()).as(inspect.err()).isZero();
        return JSON.readTree(inspect.out()).get(0);
    }

    /** Each service's container ID and start time. */
    private Map<String, String> identities() throws Exception {
        var identities = new java.util.TreeMap<String, String>();
        for (String service : List.of("web", "db", "probe")) {
            JsonNode container = inspect(PROJECT + "-" + service + "-1");
            identities.put(service, container.get("Id").asText() + "@" + container.at("/State/StartedAt").asText());
        }
        return identities;
    }

    private List<String> names() throws Exception {
        return cli.run("ps", "-a", "--format", "{{.Names}}").out().lines().filter(name -> name.startsWith(PROJECT))
                .toList();
    }

    private static Instant firstPassingCheck(JsonNode container) {
        Instant first = Instant.MAX;
        for (JsonNode check : container.at("/State/Health/Log")) {
            if (check.get("ExitCode").asInt() == 0) {
                Instant end = Instant.parse(check.get("End").asText());
                first = end.isBefore(first) ? end : first;
            }
        }
        return first;
    }

    private static String visit() throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:5000/"))
                    .timeout(Duration.ofSeconds(10)).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** After a restart: the first answer once web listens again. */
    private static void awaitVisit(String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                assertThat(visit()).isEqualTo(expected);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
