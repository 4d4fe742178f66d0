package dev.berth.sbom;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.ExternalRef;
import org.spdx.library.model.v2.Relationship;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.library.model.v2.SpdxElement;
import org.spdx.library.model.v2.SpdxPackage;
import org.spdx.library.model.v2.enumerations.RelationshipType;
import org.spdx.storage.simple.InMemSpdxStore;

/**
 * The documents read back by the reference libraries, cyclonedx-core-java and the SPDX project's
 * spdx-java-library (with its Jackson store), as a consumer of Berth's SBOMs would read them.
 */
public final class ReferenceReaders {

    /**
     * What a reader got out of a document: the PURLs of the image's packages, and the problems its own
     * verification found (SPDX's {@code verify()}; none for CycloneDX, whose parser refuses what it cannot read).
     */
    public record ReadBack(String version, List<String> purls, List<String> problems) {}

    private ReferenceReaders() {
    }

    /**
     * The CycloneDX BOM as cyclonedx-core-java parses it: the spec version and every component's PURL. Its
     * {@code JsonParser.parse} is a plain Jackson {@code readValue(bytes, Bom.class)} over the model's own
     * annotations and deserializers; that is done here directly, since {@code JsonParser}'s superclass (the schema
     * validator) needs json-schema-validator 1.x, which cannot sit beside the 2.x the schema tests use.
     */
    public static ReadBack cycloneDx(byte[] document) throws Exception {
        Bom bom = new com.fasterxml.jackson.databind.ObjectMapper().readValue(document, Bom.class);
        List<String> purls = new ArrayList<>();
        for (Component component : bom.getComponents()) {
            if (component.getPurl() != null) {
                purls.add(component.getPurl());
            }
        }
        return new ReadBack(bom.getSpecVersion(), purls, List.of());
    }

    /**
     * The SPDX document as spdx-java-library reads it: its version, the PURLs of the packages the described
     * image CONTAINS, and what the library's {@code verify()} says is wrong.
     */
    public static ReadBack spdx(byte[] document) throws Exception {
        SpdxModelFactory.init();
        MultiFormatStore store = new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON_PRETTY);
        SpdxDocument doc = store.deSerialize(new ByteArrayInputStream(document), false);
        List<String> purls = new ArrayList<>();
        for (SpdxElement described : doc.getDocumentDescribes()) {
            for (Relationship relationship : described.getRelationships()) {
                Optional<SpdxElement> related = relationship.getRelatedSpdxElement();
                if (relationship.getRelationshipType() == RelationshipType.CONTAINS && related.isPresent()
                        && related.get() instanceof SpdxPackage pkg) {
                    for (ExternalRef ref : pkg.getExternalRefs()) {
                        purls.add(ref.getReferenceLocator());
                    }
                }
            }
        }
        return new ReadBack(doc.getSpecVersion(), purls, doc.verify());
    }
}
