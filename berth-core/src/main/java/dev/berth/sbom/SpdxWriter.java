package dev.berth.sbom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

/**
 * An SPDX 2.3 JSON document: the image as the described package, each found package CONTAINED in it with its PURL
 * as a {@code PACKAGE-MANAGER purl} reference and where it was found in {@code sourceInfo}. Fields in a fixed
 * order, ids from {@link DocumentIds}, so with a fixed {@code created} the bytes depend on the image only.
 */
public final class SpdxWriter {

    static final String IMAGE_ID = "SPDXRef-Image";

    private SpdxWriter() {
    }

    public static byte[] write(Inventory inventory, Instant created) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode doc = mapper.createObjectNode();
        doc.put("spdxVersion", "SPDX-2.3");
        doc.put("dataLicense", "CC0-1.0");
        doc.put("SPDXID", "SPDXRef-DOCUMENT");
        doc.put("name", inventory.name());
        doc.put("documentNamespace", "https://berth.invalid/spdx/" + DocumentIds.sanitize(inventory.name()) + "-"
                + DocumentIds.documentUuid(inventory));
        ObjectNode creation = doc.putObject("creationInfo");
        creation.putArray("creators").add("Tool: berth");
        creation.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode packages = doc.putArray("packages");
        ObjectNode image = packages.addObject();
        image.put("name", inventory.name());
        image.put("SPDXID", IMAGE_ID);
        image.put("versionInfo", inventory.image().toString());
        image.put("downloadLocation", "NOASSERTION");
        image.put("filesAnalyzed", false);
        image.put("primaryPackagePurpose", "CONTAINER");
        List<String> ids = DocumentIds.packageIds(inventory);
        TreeSet<String> licenseRefs = new TreeSet<>();
        for (int i = 0; i < ids.size(); i++) {
            FoundPackage found = inventory.packages().get(i);
            ObjectNode node = packages.addObject();
            node.put("name", found.name());
            node.put("SPDXID", ids.get(i));
            node.put("versionInfo", found.version());
            node.put("downloadLocation", "NOASSERTION");
            node.put("filesAnalyzed", false);
            node.put("sourceInfo", "acquired package info from " + found.path() + " in layer " + found.layer());
            String expression = DocumentIds.expression(found.licenses());
            node.put("licenseConcluded", "NOASSERTION");
            node.put("licenseDeclared", expression.isEmpty() ? "NOASSERTION" : expression);
            node.put("copyrightText", "NOASSERTION");
            if (!found.purl().isEmpty()) {
                ObjectNode ref = node.putArray("externalRefs").addObject();
                ref.put("referenceCategory", "PACKAGE-MANAGER");
                ref.put("referenceType", "purl");
                ref.put("referenceLocator", found.purl());
            }
            node.put("primaryPackagePurpose", found.ecosystem() == FoundPackage.Ecosystem.GO
                    && found.name().equals("stdlib") ? "FRAMEWORK" : "LIBRARY");
            for (String token : expression.split("[ ()]+")) {
                if (token.startsWith("LicenseRef-")) {
                    licenseRefs.add(token);
                }
            }
        }
        if (!licenseRefs.isEmpty()) {
            ArrayNode extracted = doc.putArray("hasExtractedLicensingInfos");
            for (String ref : licenseRefs) {
                ObjectNode info = extracted.addObject();
                info.put("licenseId", ref);
                info.put("extractedText", "The package names this license \"" + ref.substring("LicenseRef-".length())
                        + "\"; its text is not in the document.");
                info.put("name", ref.substring("LicenseRef-".length()));
            }
        }
        ArrayNode relationships = doc.putArray("relationships");
        ObjectNode describes = relationships.addObject();
        describes.put("spdxElementId", "SPDXRef-DOCUMENT");
        describes.put("relationshipType", "DESCRIBES");
        describes.put("relatedSpdxElement", IMAGE_ID);
        for (String id : ids) {
            ObjectNode contains = relationships.addObject();
            contains.put("spdxElementId", IMAGE_ID);
            contains.put("relationshipType", "CONTAINS");
            contains.put("relatedSpdxElement", id);
        }
        return DocumentBytes.of(mapper, doc);
    }
}
