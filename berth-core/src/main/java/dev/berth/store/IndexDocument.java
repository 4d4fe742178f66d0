package dev.berth.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.image.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code index.json} as a Jackson tree, so fields Berth does not model (platform, other annotations,
 * fields written by other tools) survive a rewrite. Mutable and short-lived: one read-modify-write.
 */
final class IndexDocument {

    static final String REF_NAME = "org.opencontainers.image.ref.name";
    static final String INDEX_MEDIA_TYPE = "application/vnd.oci.image.index.v1+json";

    private final ObjectNode root;
    private final ArrayNode manifests;

    private IndexDocument(ObjectNode root, ArrayNode manifests) {
        this.root = root;
        this.manifests = manifests;
    }

    static IndexDocument empty(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", INDEX_MEDIA_TYPE);
        return new IndexDocument(root, root.putArray("manifests"));
    }

    /** @throws IllegalArgumentException naming what is wrong when the tree is not an image index */
    static IndexDocument of(JsonNode tree) {
        if (!(tree instanceof ObjectNode root)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode manifests = root.path("manifests");
        if (manifests.isMissingNode() || manifests.isNull()) {
            return new IndexDocument(root, root.putArray("manifests"));
        }
        if (!(manifests instanceof ArrayNode array)) {
            throw new IllegalArgumentException("\"manifests\" is not an array");
        }
        for (JsonNode entry : array) {
            entryOf(entry);
        }
        return new IndexDocument(root, array);
    }

    ObjectNode tree() {
        return root;
    }

    List<IndexEntry> entries() {
        List<IndexEntry> entries = new ArrayList<>(manifests.size());
        for (JsonNode entry : manifests) {
            entries.add(entryOf(entry));
        }
        return entries;
    }

    void add(IndexDescriptor descriptor, Optional<String> name) {
        ObjectNode entry = manifests.addObject();
        entry.put("mediaType", descriptor.mediaType());
        entry.put("digest", descriptor.digest().toString());
        entry.put("size", descriptor.size());
        name.ifPresent(ref -> entry.putObject("annotations").put(REF_NAME, ref));
    }

    /** Removes the entries the predicate selects; returns them. */
    List<IndexEntry> removeIf(Predicate<IndexEntry> selected) {
        List<IndexEntry> removed = new ArrayList<>();
        for (int i = manifests.size() - 1; i >= 0; i--) {
            IndexEntry entry = entryOf(manifests.get(i));
            if (selected.test(entry)) {
                manifests.remove(i);
                removed.addFirst(entry);
            }
        }
        return removed;
    }

    private static IndexEntry entryOf(JsonNode entry) {
        String mediaType = entry.path("mediaType").asText("");
        if (mediaType.isEmpty()) {
            throw new IllegalArgumentException("a manifest descriptor has no \"mediaType\"");
        }
        if (!entry.path("size").canConvertToLong()) {
            throw new IllegalArgumentException("descriptor of type " + mediaType + " has no integer \"size\"");
        }
        Digest digest = Digest.parse(entry.path("digest").asText(""));
        JsonNode name = entry.path("annotations").path(REF_NAME);
        return new IndexEntry(new IndexDescriptor(mediaType, digest, entry.path("size").asLong()),
                name.isTextual() ? Optional.of(name.asText()) : Optional.empty());
    }
}
