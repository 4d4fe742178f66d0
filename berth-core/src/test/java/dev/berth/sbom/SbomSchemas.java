package dev.berth.sbom;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The vendored CycloneDX 1.6 and SPDX 2.3 JSON schemas (see schema/README.md), loaded without the network. */
public final class SbomSchemas {

    private static final String CYCLONEDX_BASE = "http://cyclonedx.org/schema/";

    private SbomSchemas() {
    }

    /** CycloneDX 1.6 with the SPDX license list and JSF schemas it refers to. */
    public static Schema cycloneDx() {
        Map<String, String> schemas = new HashMap<>();
        for (String name : List.of("bom-1.6", "spdx", "jsf-0.82")) {
            String text = resource("schema/" + name + ".SNAPSHOT.schema.json");
            schemas.put(CYCLONEDX_BASE + name + ".schema.json", text);
            schemas.put(CYCLONEDX_BASE + name + ".SNAPSHOT.schema.json", text);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemas(schemas));
        return registry.getSchema(SchemaLocation.of(CYCLONEDX_BASE + "bom-1.6.schema.json"));
    }

    /** SPDX 2.3 (JSON Schema 2019-09, self-contained). */
    public static Schema spdx() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                .getSchema(resource("schema/spdx-schema-v2.3.json"));
    }

    private static String resource(String name) {
        try (InputStream in = SbomSchemas.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
