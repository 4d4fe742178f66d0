package dev.berth.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import dev.berth.image.Digest;
import dev.berth.store.InMemoryContentStore;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CycloneDX document validates against the CycloneDX 1.6 schema and the SPDX document against the SPDX 2.3
 * JSON schema (both vendored, see schema/README.md), and the SPDX one has the fields SPDX 2.3 requires.
 */
class SbomSchemaTest {

    private static Inventory inventory() {
        InMemoryContentStore content = new InMemoryContentStore();
        List<MergedLayers.Layer> layers = SyntheticImage.store(content);
        return new InventoryReader(content, new RpmQuery(java.util.Optional.empty(), java.nio.file.Path.of("/nonexistent"))).read(Digest.sha256(new byte[] {1}), "synthetic:schema", layers);
    }

    @Test
    void cycloneDxValidatesAgainstTheSchema() throws IOException {
        Schema schema = SbomSchemas.cycloneDx();
        JsonNode bom = new ObjectMapper().readTree(CycloneDxWriter.write(inventory(), Instant.EPOCH));
        assertThat(schema.validate(bom)).isEmpty();
        // The validator is not lenient: a component without its required type is refused.
        ((com.fasterxml.jackson.databind.node.ObjectNode) bom.path("components").get(1)).remove("type");
        assertThat(schema.validate(bom)).isNotEmpty();
    }

    @Test
    void spdxValidatesAgainstTheSchema() throws IOException {
        Schema schema = SbomSchemas.spdx();
        JsonNode doc = new ObjectMapper().readTree(SpdxWriter.write(inventory(), Instant.EPOCH));
        assertThat(schema.validate(doc)).isEmpty();
        // Not lenient either: a package without its required name is refused.
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("packages").get(1)).remove("name");
        assertThat(schema.validate(doc)).isNotEmpty();
    }

    @Test
    void spdxHasTheFieldsSpdx23Requires() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(SpdxWriter.write(inventory(), Instant.EPOCH));
        for (String field : List.of("spdxVersion", "dataLicense", "SPDXID", "name", "documentNamespace")) {
            assertThat(doc.path(field).isTextual()).as(field).isTrue();
        }
        assertThat(doc.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(doc.path("creationInfo").path("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(doc.path("creationInfo").path("creators")).isNotEmpty();
        for (JsonNode pkg : doc.path("packages")) {
            assertThat(pkg.path("SPDXID").asText()).matches("SPDXRef-[A-Za-z0-9.-]+");
            assertThat(pkg.path("name").isTextual()).isTrue();
            assertThat(pkg.path("downloadLocation").isTextual()).isTrue();
        }
        for (JsonNode relationship : doc.path("relationships")) {
            assertThat(relationship.path("relationshipType").asText()).isIn("DESCRIBES", "CONTAINS");
        }
    }
}
