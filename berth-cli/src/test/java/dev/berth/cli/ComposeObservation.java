package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What one Compose implementation left of {@link #project}, in terms two of them can be compared on: everything
 * here must be equal between Docker Compose 2.26.1 and {@code berth compose}.
 *
 * @param containers each container's name with its labels
 * @param networks   each project network's name with its labels
 * @param volumes    each project volume's name with its labels
 * @param aliases    per container and network, the endpoint's aliases (the container's own short ID as {@code ID})
 * @param ps         {@code ps -a --format json} per container, without ID and times, labels as a sorted set
 * @param answers    what each probe printed (HTTP through the published port, {@code wget} by name in containers)
 * @param touched    per step ({@code restart db}, {@code up} with db changed), the services restarted or recreated
 * @param leftovers  the project's containers, networks and volumes after {@code down -v}
 */
record ComposeObservation(Map<String, Map<String, String>> containers, Map<String, Map<String, String>> networks,
        Map<String, Map<String, String>> volumes, Map<String, Map<String, List<String>>> aliases,
        Map<String, Map<String, Object>> ps, Map<String, String> answers, Map<String, Set<String>> touched,
        List<String> leftovers) {

    /** One implementation: its compose command and its engine's CLI ({@code docker} or {@code berth}). */
    interface Side {
        CliProcess.Outcome compose(Map<String, String> env, String... args) throws Exception;

        CliProcess.Outcome engine(String... args) throws Exception;
    }

    private static final List<String> SERVICES = List.of("db", "web", "probe");

    /** Three services on two networks, a named volume, a healthcheck the dependent waits for, a published port. */
    static String project(String name, String image, int port) {
        return """
                name: %1$s
                services:
                  db:
                    image: %2$s
                    command: sh -c 'echo db-data > /data/index.html && exec httpd -f -p 8080 -h /data'
                    environment: {GENERATION: "${GENERATION:-1}"}
                    healthcheck:
                      test: [CMD, wget, -qO-, http://127.0.0.1:8080/]
                      interval: 1s
                      retries: 30
                    networks: [backend]
                    volumes: [data:/data]
                    stop_grace_period: 1s
                  web:
                    image: %2$s
                    command: sh -c 'mkdir -p /www && echo hi from web > /www/index.html && exec httpd -f -p 80 -h /www'
                    depends_on:
                      db: {condition: service_healthy, restart: true}
                    networks:
                      frontend: {}
                      backend: {aliases: [api]}
                    ports: ["127.0.0.1:%3$d:80"]
                    stop_grace_period: 1s
                  probe:
                    image: %2$s
                    command: sleep 600
                    networks: [frontend]
                    stop_grace_period: 1s
                networks:
                  frontend: {}
                  backend: {}
                volumes:
                  data: {}
                """.formatted(name, image, port);
    }

    static ComposeObservation observe(Side side, String project, int port) throws Exception {
        CliProcess.Outcome up = side.compose(Map.of(), "up", "-d", "--wait");
        assertThat(up.exit()).as("up: " + up.err()).isZero();

        Map<String, Map<String, Object>> ps = new TreeMap<>();
        for (String line : side.compose(Map.of(), "ps", "-a", "--format", "json").out().lines().toList()) {
            Map<String, Object> row = new TreeMap<>(ComposeDockerOracleIT.json(line,
                    new TypeReference<Map<String, Object>>() { }));
            for (String varies : List.of("ID", "CreatedAt", "RunningFor")) {
                assertThat(row.remove(varies)).as(varies).isNotNull();
            }
            row.put("Labels", ComposeDockerOracleIT.labelSet((String) row.get("Labels")));
            // Networks, like Labels, is a Go map joined with commas: Docker's order changes from run to run.
            row.put("Networks", ComposeDockerOracleIT.labelSet((String) row.get("Networks")));
            // "Up 3 seconds (healthy)": the time varies, the state and health must not.
            row.put("Status", ((String) row.get("Status")).replaceAll("^Up [^(]*", "Up ").strip());
            ps.put((String) row.get("Name"), row);
        }
        Map<String, Map<String, String>> containers = new TreeMap<>();
        Map<String, Map<String, List<String>>> aliases = new TreeMap<>();
        for (String name : ps.keySet()) {
            containers.put(name, ComposeDockerOracleIT.sorted(ComposeDockerOracleIT.json(
                    side.engine("inspect", "--format", "{{json .Config.Labels}}", name).out(), new TypeReference<>() { })));
            String id = side.engine("inspect", "--format", "{{.Id}}", name).out().strip();
            Map<String, Map<String, Object>> endpoints = ComposeDockerOracleIT.json(side.engine("inspect", "--format",
                    "{{json .NetworkSettings.Networks}}", name).out(), new TypeReference<>() { });
            Map<String, List<String>> byNetwork = new TreeMap<>();
            endpoints.forEach((network, endpoint) -> {
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) endpoint.getOrDefault("Aliases", List.of());
                byNetwork.put(network, list.stream().map(a -> id.startsWith(a) ? "ID" : a).toList());
            });
            aliases.put(name, byNetwork);
        }
        Map<String, Map<String, String>> networks = new TreeMap<>();
        for (String name : names(side, "network", project)) {
            networks.put(name, ComposeDockerOracleIT.sorted(ComposeDockerOracleIT.json(
                    side.engine("network", "inspect", "--format", "{{json .Labels}}", name).out(), new TypeReference<>() { })));
        }
        Map<String, Map<String, String>> volumes = new TreeMap<>();
        for (String name : names(side, "volume", project)) {
            volumes.put(name, ComposeDockerOracleIT.sorted(ComposeDockerOracleIT.json(
                    side.engine("volume", "inspect", "--format", "{{json .Labels}}", name).out(), new TypeReference<>() { })));
        }

        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("host -> 127.0.0.1:PORT", http(port));
        answers.put("web -> db:8080", exec(side, "web", "wget -qO- http://db:8080/"));
        answers.put("web -> PROJECT-db-1:8080", exec(side, "web", "wget -qO- http://" + project + "-db-1:8080/"));
        answers.put("probe -> web:80", exec(side, "probe", "wget -qO- http://web:80/"));
        answers.put("probe -> db:8080 (no network in common)", exec(side, "probe", "wget -qO- -T 2 http://db:8080/"));

        Map<String, Set<String>> touched = new LinkedHashMap<>();
        Map<String, String> before = starts(side, project);
        assertThat(side.compose(Map.of(), "restart", "db").exit()).isZero();
        touched.put("restart db", changed(before, starts(side, project)));
        before = starts(side, project);
        CliProcess.Outcome changedUp = side.compose(Map.of("GENERATION", "2"), "up", "-d", "--wait");
        assertThat(changedUp.exit()).as("up with db changed: " + changedUp.err()).isZero();
        touched.put("up with db changed", changed(before, starts(side, project)));

        CliProcess.Outcome down = side.compose(Map.of(), "down", "-v", "-t", "1");
        assertThat(down.exit()).as("down: " + down.err()).isZero();
        List<String> leftovers = new ArrayList<>(names(side, "network", project));
        leftovers.addAll(names(side, "volume", project));
        side.compose(Map.of(), "ps", "-a", "--format", "json").out().lines().forEach(leftovers::add);
        return new ComposeObservation(containers, networks, volumes, aliases, ps, answers, touched, leftovers);
    }

    /** The names {@code KIND ls} lists that belong to the project ({@code PROJECT_KEY}). */
    private static List<String> names(Side side, String kind, String project) throws Exception {
        CliProcess.Outcome listed = side.engine(kind, "ls", "--format", "{{.Name}}");
        assertThat(listed.exit()).as(kind + " ls: " + listed.err()).isZero();
        return listed.out().lines().filter(name -> name.startsWith(project + "_")).sorted().toList();
    }

    /** Per service, its container's ID and start time. */
    private static Map<String, String> starts(Side side, String project) throws Exception {
        Map<String, String> starts = new TreeMap<>();
        for (String service : SERVICES) {
            starts.put(service, side.engine("inspect", "--format", "{{.Id}} {{.State.StartedAt}}",
                    project + "-" + service + "-1").out().strip());
        }
        return starts;
    }

    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new TreeSet<>();
        before.forEach((service, start) -> {
            if (!start.equals(after.get(service))) {
                changed.add(service);
            }
        });
        return changed;
    }

    private static String exec(Side side, String service, String script) throws Exception {
        CliProcess.Outcome run = side.compose(Map.of(), "exec", "-T", service, "sh", "-c", script);
        // Only success matters for a failure: the two engines' resolvers fail in their own words and times.
        return run.exit() == 0 ? run.out() : "failed";
    }

    private static String http(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
                return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException refused) {
                if (System.nanoTime() > deadline) {
                    return "no answer: " + refused;
                }
                Thread.sleep(100);
            }
        }
    }
}
