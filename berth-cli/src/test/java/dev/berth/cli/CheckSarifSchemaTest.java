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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
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
