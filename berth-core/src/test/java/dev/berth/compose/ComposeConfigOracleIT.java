package dev.berth.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.berth.api.ComposeView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real Docker Compose 2.26.1 (Debian trixie's docker-compose, which {@code .ci/run} unpacks into
 * {@code /var/tmp/compose-oracle}) on every fixture project and requires Berth's {@code config} output to be the
 * same, byte for byte, for every view; both must fail on the invalid ones. Catches golden files gone stale.
 */
class ComposeConfigOracleIT {

    private static final Path ORACLE = Path.of(System.getenv().getOrDefault("COMPOSE_ORACLE",
            "/var/tmp/compose-oracle/usr/bin/docker-compose"));

    static List<ComposeFixtures> fixtures() {
        return ComposeFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void berthPrintsWhatTheRealComposePrints(ComposeFixtures fixture) throws Exception {
        assumeThat(Files.isExecutable(ORACLE)).as("Docker Compose 2.26.1 at " + ORACLE).isTrue();
        assumeThat(fixture.control("known-difference")).isEmpty();
        Path directory = fixture.prepare();
        for (String view : ComposeFixtures.VIEWS) {
            Result oracle = oracle(fixture, directory, view);
            if (fixture.fails()) {
                assertThat(oracle.exit()).as(fixture.name() + ": Docker Compose refuses it").isNotZero();
                return;
            }
            assertThat(oracle.exit()).as(fixture.name() + " " + view + ": " + oracle.stderr()).isZero();
            String berth = fixture.berth(directory, ComposeFixtures.view(view)).text();
            assertThat(ComposeFixtures.comparable(view, berth)).as(fixture.name() + " " + view)
                    .isEqualTo(ComposeFixtures.comparable(view, oracle.stdout()));
        }
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result oracle(ComposeFixtures fixture, Path directory, String view)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ORACLE.toString()));
        command.addAll(fixture.globalArgs());
        command.add("config");
        command.addAll(fixture.configArgs());
        command.addAll(switch (view) {
            case "yaml" -> List.<String>of();
            case "json" -> List.of("--format", "json");
            case "hash" -> List.of("--hash", "*");
            default -> List.of("--" + view);
        });
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().putAll(fixture.environment());
        Path out = Files.createTempFile("compose-oracle", ".out");
        Path err = Files.createTempFile("compose-oracle", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("docker-compose config did not finish in 60 s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
