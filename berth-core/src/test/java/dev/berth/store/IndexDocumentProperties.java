package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.image.Digest;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Reading {@code index.json} is total: whatever another tool (or a bug) wrote, the result is a list of
 * entries or an IllegalArgumentException that the layout turns into a StoreException naming the file.
 */
class IndexDocumentProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 500)
    void readingIsTotal(@ForAll("indexLikeTrees") JsonNode tree) {
        assertThatCode(() -> {
            try {
                IndexDocument.of(tree).entries();
            } catch (IllegalArgumentException reported) {
                assertThat(reported.getMessage()).isNotBlank();
            }
        }).doesNotThrowAnyException();
    }

    @Property(tries = 200)
    void whatIsReadIsWrittenBackUnchanged(@ForAll("indexLikeTrees") JsonNode tree) throws Exception {
        IndexDocument document;
        try {
            document = IndexDocument.of(tree.deepCopy());
            document.entries();
        } catch (IllegalArgumentException rejected) {
            return;
        }
        byte[] written = JSON.writeValueAsBytes(document.tree());
        assertThat(IndexDocument.of(JSON.readTree(written)).entries()).isEqualTo(document.entries());
    }

    @Property(tries = 200)
    void addedEntryIsReadBack(@ForAll("validEntries") IndexEntry entry) {
        IndexDocument document = IndexDocument.empty(JSON);
        document.add(entry.descriptor(), entry.name());
        assertThat(document.entries()).containsExactly(entry);
    }

    @Provide
    Arbitrary<JsonNode> indexLikeTrees() {
        Arbitrary<JsonNode> manifests = descriptor().list().ofMaxSize(4).map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> manifestsField = Arbitraries.oneOf(manifests, scalar());
        return Combinators.combine(manifestsField, Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((list, hasManifests, isObject) -> {
                    if (!isObject) {
                        return list;
                    }
                    ObjectNode root = NODES.objectNode().put("schemaVersion", 2);
                    if (hasManifests) {
                        root.set("manifests", list);
                    }
                    return root;
                });
    }

    @Provide
    Arbitrary<IndexEntry> validEntries() {
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
        Arbitrary<String> name = Arbitraries.strings().withChars("abz09").ofMinLength(1).ofMaxLength(8)
                .map(text -> "example.com/" + text + ":1");
        return Combinators.combine(hex, Arbitraries.longs().between(0, Long.MAX_VALUE), name.optional())
                .as((digest, size, tag) -> new IndexEntry(
                        new IndexDescriptor(OciLayoutTest.MANIFEST, Digest.parse("sha256:" + digest), size),
                        tag.map(String::valueOf)));
    }

    private Arbitrary<JsonNode> descriptor() {
        List<String> fields = List.of("mediaType", "digest", "size", "annotations", "platform");
        return Arbitraries.subsetOf(fields).flatMap(present -> {
            List<Arbitrary<JsonNode>> values = present.stream().map(field -> Arbitraries.oneOf(valueFor(field), scalar())).toList();
            return Combinators.combine(values).as(generated -> {
                ObjectNode node = NODES.objectNode();
                int i = 0;
                for (String field : present) {
                    node.set(field, generated.get(i++));
                }
                return (JsonNode) node;
            });
        }).injectNull(0.05).map(node -> Optional.ofNullable(node).orElse(NODES.nullNode()));
    }

    private static Arbitrary<JsonNode> valueFor(String field) {
        return switch (field) {
            case "mediaType" -> Arbitraries.of(OciLayoutTest.MANIFEST, "", " ").map(NODES::textNode);
            case "digest" -> Arbitraries.of("sha256:" + "a".repeat(64), "sha256:../../etc", "md5:00", "sha512:" + "b".repeat(128))
                    .map(NODES::textNode);
            case "size" -> Arbitraries.longs().map(NODES::numberNode);
            default -> Arbitraries.strings().ofMaxLength(5).map(text -> (JsonNode) NODES.objectNode()
                    .put("org.opencontainers.image.ref.name", text));
        };
    }

    private static Arbitrary<JsonNode> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6).map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.of(1.5e30, -0.5).map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.just(NODES.arrayNode()),
                Arbitraries.just(NODES.objectNode()));
    }
}
