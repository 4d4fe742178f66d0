package dev.berth.sbom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A CycloneDX 1.6 JSON BOM: the image as the metadata's {@code container} component, each found package a
 * {@code library} component with its PURL, licenses as one SPDX {@code expression} (the schema allows any
 * expression there, while {@code license.id} must be on SPDX's list), and {@code berth:*} properties saying which
 * layer and file proved it and, for distro packages, the source package. Fixed order, ids from {@link DocumentIds}.
 */
public final class CycloneDxWriter {


    private CycloneDxWriter() {
    }

    public static byte[] write(Inventory inventory, Instant created) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode bom = mapper.createObjectNode();
        bom.put("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        bom.put("bomFormat", "CycloneDX");
        bom.put("specVersion", "1.6");
        bom.put("serialNumber", "urn:uuid:" + DocumentIds.documentUuid(inventory));
        bom.put("version", 1);
        ObjectNode metadata = bom.putObject("metadata");
        metadata.put("timestamp", created.truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode tool = metadata.putObject("tools").putArray("components").addObject();
        tool.put("type", "application");
        tool.put("name", "berth");
        ObjectNode image = metadata.putObject("component");
        image.put("bom-ref", SpdxWriter.IMAGE_ID);
        image.put("type", "container");
        image.put("name", inventory.name());
        image.put("version", inventory.image().toString());
        ArrayNode components = bom.putArray("components");
        inventory.distro().ifPresent(distro -> {
            ObjectNode os = components.addObject();
            os.put("bom-ref", "SPDXRef-OperatingSystem");
            os.put("type", "operating-system");
            os.put("name", distro.id());
            os.put("version", distro.versionId().isEmpty() ? distro.codename() : distro.versionId());
            os.put("description", distro.prettyName());
        });
        List<String> ids = DocumentIds.packageIds(inventory);
        for (int i = 0; i < ids.size(); i++) {
            FoundPackage found = inventory.packages().get(i);
            ObjectNode component = components.addObject();
            component.put("bom-ref", ids.get(i));
            component.put("type", found.ecosystem() == FoundPackage.Ecosystem.GO && found.name().equals("stdlib")
                    ? "framework" : "library");
            component.put("name", found.name());
            component.put("version", found.version());
            String expression = DocumentIds.expression(found.licenses());
            if (!expression.isEmpty()) {
                component.putArray("licenses").addObject().put("expression", expression);
            }
            if (!found.purl().isEmpty()) {
                component.put("purl", found.purl());
            }
            ArrayNode properties = component.putArray("properties");
            property(properties, "berth:cataloger", found.ecosystem().name().toLowerCase(java.util.Locale.ROOT));
            property(properties, "berth:layer", found.layer().toString());
            property(properties, "berth:path", found.path());
            if (!found.arch().isEmpty()) {
                property(properties, "berth:arch", found.arch());
            }
            if (found.ecosystem() == FoundPackage.Ecosystem.DPKG || found.ecosystem() == FoundPackage.Ecosystem.APK
                    || found.ecosystem() == FoundPackage.Ecosystem.RPM) {
                property(properties, "berth:source-name", found.sourceName());
                property(properties, "berth:source-version", found.sourceVersion());
            }
            found.ownedBy().ifPresent(owner -> property(properties, "berth:owned-by", owner));
        }
        ArrayNode dependencies = bom.putArray("dependencies");
        ObjectNode root = dependencies.addObject();
        root.put("ref", SpdxWriter.IMAGE_ID);
        ArrayNode dependsOn = root.putArray("dependsOn");
        ids.forEach(dependsOn::add);
        return DocumentBytes.of(mapper, bom);
    }

    private static void property(ArrayNode properties, String name, String value) {
        ObjectNode property = properties.addObject();
        property.put("name", name);
        property.put("value", value);
    }
}
