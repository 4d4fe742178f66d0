package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.berth.api.SourceTools;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code berth check --format sarif} validates against the SARIF 2.1.0 JSON schema (vendored, see
 * schema/README.md): a clean Dockerfile, one breaking rules of every level with findings no rule governs, and one
 * with ShellCheck's findings (when shellcheck is installed, rules listed for the codes found).
 */
class CheckSarifSchemaTest {

    private static final String ID = "https://json.schemastore.org/sarif-2.1.0.json";

    private static Schema schema;

    @TempDir
    Path context;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void loadSchema() throws IOException {
        String text;
        try (InputStream in = CheckSarifSchemaTest.class.getResourceAsStream("schema/sarif-2.1.0-rtm.5.json")) {
            assertThat(in).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemas(Map.of(ID, text)));
        schema = registry.getSchema(SchemaLocation.of(ID));
    }

    /**
     * Every result's {@code ruleIndex} points at the rule whose id is its {@code ruleId}: BuildKit's, the practices',
     * the build's secret arg, and ShellCheck's codes, which are listed after the fixed rules as they are found.
     */
    @Test
    void everyResultsRuleIndexPointsAtItsRule() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), """
                from alpine AS base
                ARG NPM_TOKEN
                RUN [[ -f x ]] && echo $1 && cd /tmp
                RUN apk add curl
                COPY missing.txt /
                """);

        CliRun run = CliRun.of("check", "--format", "sarif", "--build-arg", "NPM_TOKEN=npm_x", context.toString());

        JsonNode driverRules = json.readTree(run.out()).path("runs").get(0).path("tool").path("driver").path("rules");
        JsonNode results = json.readTree(run.out()).path("runs").get(0).path("results");
        List<String> ruleIds = new ArrayList<>();
        for (JsonNode result : results) {
            if (result.has("ruleId")) {
                ruleIds.add(result.path("ruleId").asText());
                assertThat(result.has("ruleIndex")).as("ruleIndex of %s", result).isTrue();
                assertThat(driverRules.path(result.path("ruleIndex").asInt()).path("id").asText())
                        .as("the rule at ruleIndex of %s", result).isEqualTo(result.path("ruleId").asText());
            } else {
                assertThat(result.has("ruleIndex")).as("ruleIndex without a ruleId: %s", result).isFalse();
            }
        }
        assertThat(ruleIds).contains("FromAsCasing", "SecretsUsedInArgOrEnv", "SecretBuildArgInRun",
                "BaseImageNotPinned", "PackagesNotPinned", "FinalStageRunsAsRoot");
        assertThat(results).anyMatch(result -> !result.has("ruleId"));
        if (SourceTools.shellcheckProgram(System.getenv()).isPresent()) {
            assertThat(ruleIds).contains("SC3010", "SC2086", "SC2164");
            assertThat(driverRules).filteredOn(rule -> rule.path("id").asText().startsWith("SC"))
                    .extracting(rule -> rule.path("id").asText()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(ruleIds.stream().filter(id -> id.startsWith("SC")).distinct()
                            .toList());
        }
        Set<String> ids = new HashSet<>();
        driverRules.forEach(rule -> assertThat(ids.add(rule.path("id").asText())).as("one rule %s", rule).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "FROM alpine:3.20|RUN adduser -D app|USER app|CMD ['sh']",
        "FROM alpine|LABEL k=AKIAIOSFODNN7EXAMPLE|EXPOSE 80|COPY missing.txt /|CMD sh",
        "FROM alpine:3.20|RUN [[ -f x ]] && echo $1 && cd /tmp|USER 1|CMD ['sh']"})
    void theLogValidates(String dockerfile) throws IOException {
        Files.writeString(context.resolve("Dockerfile"), dockerfile.replace('|', '\n').replace('\'', '"') + "\n");

        CliRun run = CliRun.of("check", "--format", "sarif", context.toString());

        JsonNode log = json.readTree(run.out());
        assertThat(schema.validate(log)).isEmpty();
        // The validator is not lenient: a result without its message is refused.
        JsonNode results = log.path("runs").get(0).path("results");
        if (!results.isEmpty()) {
            ((ObjectNode) results.get(0)).remove("message");
            assertThat(schema.validate(log)).isNotEmpty();
        }
    }
}
