package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.testing.DockerEngine;
import dev.berth.testing.IntegrationFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth volume inspect} against Docker's {@code docker volume inspect} of volumes made the same way: the
 * same members in the same order, the same labels and options; only what a daemon alone knows differs (the
 * mount point under its own root, the creation time).
 */
@ExtendWith(IntegrationFixtures.class)
class VolumeInspectOracleIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path work;

    @Test
    void inspectShowsWhatDockerShows(DockerEngine docker) throws IOException {
        Path root = work.resolve("store");
        for (List<String> create : List.of(List.of("vol-bare-" + SUFFIX), List.of("--label", "team=db", "--label", "x",
                "vol-labelled-" + SUFFIX))) {
            String name = create.getLast();
            List<String> dockerArgs = new java.util.ArrayList<>(List.of("volume", "create"));
            dockerArgs.addAll(create);
            docker.docker(dockerArgs).orThrow();
            try {
                JsonNode expected = MAPPER.readTree(docker.docker("volume", "inspect", name).orThrow().stdout());
                List<String> berthArgs = new java.util.ArrayList<>(List.of("volume", "create", "--root", root.toString()));
                berthArgs.addAll(create);
                assertThat(berth(berthArgs)).isEqualTo(name + "\n");
                JsonNode actual = MAPPER.readTree(berth(List.of("volume", "inspect", "--root", root.toString(), name)));

                assertThat(actual).hasSize(1);
                assertThat(fields(actual.get(0))).isEqualTo(fields(expected.get(0)));
                assertThat(withoutDaemonOnly(actual.get(0))).isEqualTo(withoutDaemonOnly(expected.get(0)));
            } finally {
                docker.docker("volume", "rm", name);
            }
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode withoutDaemonOnly(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        copy.remove(List.of("Mountpoint", "CreatedAt"));
        return copy;
    }

    private static String berth(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        // Main.run prints to the process's own stdout.
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args.toArray(String[]::new))).isZero();
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
