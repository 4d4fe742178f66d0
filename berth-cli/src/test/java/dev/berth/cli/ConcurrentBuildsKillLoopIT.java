package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.api.Berth;
import dev.berth.api.ImportRequest;
import dev.berth.api.Settings;
import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A concurrent store must not fail a build (#9): in each round four {@code berth build}s (COPY and RUN, each a
 * cache miss) and a {@code berth system prune -a} run at once on one store as separate processes, and one of the
 * five, chosen at random, is killed with SIGKILL at a random moment. Every process that was not killed must
 * succeed; afterwards every blob re-hashes to its digest, every tag resolves, and once a build and a prune have
 * swept, nothing of the killed processes is left. Rounds: {@code berth.killLoop.rounds} (a few in the normal IT
 * run, 200 with {@code -Pstress}; docs/store.md, "Concurrency and kills").
 */
class ConcurrentBuildsKillLoopIT {

    private static final int BUILDS = 4;
    private static final Duration PROCESS_LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path work;

    private final List<Process> children = new ArrayList<>();

    /** One process of a round: what it is and where its output goes. */
    private record Child(String name, Process process, Path log) {
    }

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void buildsAndAPruneWithOneProcessKilledEachRoundNeverFailTheOthers() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "RUN steps need root, runc and overlayfs");
        int rounds = Integer.getInteger("berth.killLoop.rounds", 3);
        long seed = Long.getLong("berth.killLoop.seed", System.nanoTime());
        Random random = new Random(seed);
        Path root = work.resolve("store");
        Path state = work.resolve("state");
        try (Berth berth = Berth.open(Settings.builder().root(root).clock(Clock.systemUTC()).build());
                InputStream in = Files.newInputStream(BaseImages.standard().busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(in).reference("busybox:latest").message("test").build());
        }
        List<String> failures = new ArrayList<>();
        int killed = 0;
        int succeeded = 0;
        int buildsSucceeded = 0;
        long typicalMillis = 3_000;
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            List<Child> processes = new ArrayList<>();
            for (int slot = 0; slot < BUILDS; slot++) {
                processes.add(start("build " + slot, "build", "-q", "--root", root.toString(), "--runtime-state",
                        state.toString(), "-t", "loop-" + slot, context(round, slot, random)));
            }
            processes.add(start("prune", "system", "prune", "-a", "--root", root.toString()));
            // A random moment in a round's usual span, and a random one of the processes still running then.
            Thread.sleep(random.nextLong(typicalMillis + 1));
            List<Child> running = processes.stream().filter(child -> child.process().isAlive()).toList();
            Optional<Child> victim = running.isEmpty() ? Optional.empty()
                    : Optional.of(running.get(random.nextInt(running.size())));
            victim.ifPresent(child -> child.process().destroyForcibly());
            killed += victim.isPresent() ? 1 : 0;
            for (Child child : processes) {
                assertThat(child.process().waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS))
                        .as("round %d: %s finished", round, child.name()).isTrue();
                if (victim.isPresent() && child == victim.get()) {
                    continue;
                }
                if (child.process().exitValue() == 0) {
                    succeeded++;
                    buildsSucceeded += child.name().startsWith("build") ? 1 : 0;
                } else {
                    failures.add("round %d (seed %d), %s exited %d:%n%s".formatted(round, seed, child.name(),
                            child.process().exitValue(), Files.readString(child.log())));
                }
            }
            children.clear();
            // Kill within the whole span of a round, however fast this machine runs one.
            typicalMillis = (typicalMillis + Duration.ofNanos(System.nanoTime() - started).toMillis()) / 2;
            System.out.printf("kill loop: round %d/%d, killed %s, %d failed so far%n", round + 1, rounds,
                    victim.map(Child::name).orElse("nothing (all had finished)"), failures.size());
        }
        System.out.printf("kill loop: %d rounds (seed %d), %d processes killed, %d succeeded, %d failed%n",
                rounds, seed, killed, succeeded, failures.size());
        assertThat(failures).as("processes that were not killed and failed").isEmpty();

        // A build with a RUN sweeps what the last round's kill left (containers, mounts, snapshot temp directories),
        // then a prune sweeps again and collects.
        assertThat(run(start("final build", "build", "-q", "--root", root.toString(), "--runtime-state", state.toString(),
                "-t", "final", context(rounds, 0, random)))).isZero();
        assertThat(run(start("final prune", "system", "prune", "-a", "--root", root.toString()))).isZero();
        assertThat(containersThatRan(root)).as("RUN steps whose container printed its sum").isGreaterThan(buildsSucceeded);
        StoreAudit audit = new StoreAudit(root);
        assertThat(audit.leftovers(state)).as("left by killed processes after the sweeps").isEmpty();
        assertThat(audit.assertEveryBlobMatchesItsDigest()).isPositive();
        assertThat(audit.assertEveryTagResolves()).contains("docker.io/library/busybox:latest", "docker.io/library/final:latest");
    }

    /**
     * {@code FROM busybox}, a COPY the cache knows after the first round, a COPY of files of this round's own and a
     * RUN over them: every build misses the cache from its second step, so every round runs containers.
     */
    private String context(int round, int slot, Random random) throws IOException {
        Path dir = Files.createDirectories(work.resolve("contexts/r" + round + "-" + slot));
        Files.writeString(dir.resolve("common"), "the same in every build\n", StandardCharsets.UTF_8);
        Path data = Files.createDirectories(dir.resolve("data"));
        for (int i = 0; i < 8; i++) {
            byte[] bytes = new byte[4096 + random.nextInt(65536)];
            random.nextBytes(bytes);
            Files.write(data.resolve("f" + i), bytes);
        }
        Files.writeString(dir.resolve("Dockerfile"), """
                FROM busybox
                COPY common /common
                COPY data /data
                RUN cat /data/* | sha256sum | tee /sum && echo round %d slot %d >> /sum
                """.formatted(round, slot), StandardCharsets.UTF_8);
        return dir.toString();
    }

    /** The RUN logs of finished builds that hold the sum the step's container printed: proof it ran. */
    private static long containersThatRan(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("cache/builds"))) {
            return files.filter(file -> file.getFileName().toString().matches("step-\\d+\\.log")).filter(file -> {
                try {
                    return Files.readString(file).matches("(?s)[0-9a-f]{64}  -\\s*");
                } catch (IOException unreadable) {
                    return false;
                }
            }).count();
        }
    }

    private Child start(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(work, "log", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(process);
        return new Child(name, process, log);
    }

    private static int run(Child child) throws Exception {
        assertThat(child.process().waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS)).as(child.name()).isTrue();
        assertThat(child.process().exitValue()).as("%s: %s", child.name(), Files.readString(child.log())).isZero();
        return child.process().exitValue();
    }
}
