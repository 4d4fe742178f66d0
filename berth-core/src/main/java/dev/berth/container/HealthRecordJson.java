package dev.berth.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.image.HealthConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The healthcheck and restart members of {@code container.json}, each written only when there is something to say,
 * so records of containers without them read as before (and older records read as having none).
 */
final class HealthRecordJson {

    private HealthRecordJson() {
    }

    static void write(ObjectNode node, ContainerRecord record) {
        record.health().ifPresent(health -> {
            ObjectNode check = node.putObject("health");
            ArrayNode test = check.putArray("test");
            health.test().forEach(test::add);
            check.put("interval", health.interval()).put("timeout", health.timeout())
                    .put("startPeriod", health.startPeriod()).put("startInterval", health.startInterval())
                    .put("retries", health.retries());
        });
        if (record.restart().restarts()) {
            node.putObject("restart").put("name", record.restart().name())
                    .put("maximumRetryCount", record.restart().maximumRetryCount());
        }
        if (record.restartCount() > 0) {
            node.put("restartCount", record.restartCount());
        }
        if (record.stopRequested()) {
            node.put("stopRequested", true);
        }
    }

    static Optional<HealthConfig> health(JsonNode node) {
        JsonNode check = node.get("health");
        if (check == null || !check.isObject()) {
            return Optional.empty();
        }
        List<String> test = new ArrayList<>();
        check.path("test").forEach(word -> test.add(word.asText()));
        return Optional.of(new HealthConfig(test, check.path("interval").asLong(), check.path("timeout").asLong(),
                check.path("startPeriod").asLong(), check.path("startInterval").asLong(), check.path("retries").asInt()));
    }

    static RestartRule restart(JsonNode node) {
        JsonNode restart = node.get("restart");
        if (restart == null || !restart.isObject()) {
            return RestartRule.never();
        }
        return new RestartRule(restart.path("name").asText("no"), restart.path("maximumRetryCount").asInt());
    }
}
