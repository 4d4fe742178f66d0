package dev.berth.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds references in OCI and Docker manifests and indexes without a model of them: the digests of
 * {@code config}, {@code layers[]}, {@code manifests[]} and {@code blobs[]}. Blobs that are not small
 * JSON objects (layers, anything over {@value #LARGEST_MANIFEST} bytes) refer to nothing.
 */
public final class JsonBlobReferences implements BlobReferences {

    /** Registries refuse manifests over 4 MiB; a larger blob is a layer. */
    static final long LARGEST_MANIFEST = 4L << 20;

    private final ContentStore content;
    private final ObjectMapper json;

    public JsonBlobReferences(ContentStore content) {
        this.content = content;
        this.json = new ObjectMapper();
    }

    @Override
    public Set<Digest> children(Digest blob) {
        if (content.info(blob).map(info -> info.size() > LARGEST_MANIFEST).orElse(true)) {
            return Set.of();
        }
        JsonNode tree;
        try (InputStream in = content.open(blob)) {
            byte[] bytes = in.readAllBytes();
            if (!startsLikeJsonObject(bytes)) {
                return Set.of();
            }
            tree = json.readTree(bytes);
        } catch (NotFoundException deletedMeanwhile) {
            return Set.of();
        } catch (JacksonException notJson) {
            return Set.of();
        } catch (IOException e) {
            throw new StoreException("reading blob " + blob + " to find what it refers to: " + FailureReason.of(e), e);
        }
        Set<Digest> children = new TreeSet<>();
        addDigest(tree.path("config"), children);
        for (String list : new String[] {"layers", "manifests", "blobs"}) {
            for (JsonNode descriptor : tree.path(list)) {
                addDigest(descriptor, children);
            }
        }
        return children;
    }

    private static boolean startsLikeJsonObject(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '{';
            }
        }
        return false;
    }

    private static void addDigest(JsonNode descriptor, Set<Digest> into) {
        JsonNode digest = descriptor.path("digest");
        if (digest.isTextual()) {
            try {
                into.add(Digest.parse(digest.asText()));
            } catch (IllegalArgumentException notADigest) {
                // A malformed reference protects nothing; the manifest itself stays.
            }
        }
    }
}
