package dev.berth.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.StoreException;
import dev.berth.image.ImageConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds {@link ImageDetails} from a stored image. Members the model keeps only as raw JSON
 * ({@code comment}, {@code docker_version}) and the {@code config} object are taken from the config
 * bytes themselves, so inspect shows exactly what the image holds.
 */
final class ImageDetailsReader {

    private final ObjectMapper mapper = new ObjectMapper();

    /** {@code size} is the image's size as Docker counts it ({@link LayerSizes}). */
    ImageDetails details(StoredImage image, long size) {
        JsonNode tree;
        try {
            tree = mapper.readTree(image.configBytes());
        } catch (IOException e) {
            throw new StoreException("reading config " + image.id() + ": " + e.getMessage(), e);
        }
        JsonNode containerConfig = tree.path("config");
        String configJson = containerConfig.isObject() ? containerConfig.toString() : "{}";
        ImageConfig config = image.config();
        // Docker's reference store lists an image's names sorted by their full text, and so does its inspect.
        // A name pinned by digest (a pull by digest) is a repo digest, as Docker lists it, not a tag.
        List<String> repoTags = image.names().stream().filter(name -> name.indexOf('@') < 0).sorted()
                .map(name -> FamiliarName.of(name).text()).toList();
        List<String> repoDigests = image.names().stream().filter(name -> name.indexOf('@') >= 0).sorted()
                .map(ImageNames::familiar).toList();
        return new ImageDetails(image.id(), repoTags, repoDigests, comment(tree), config.created(),
                text(tree, "docker_version"), config.author(), configJson, config.architecture(), config.variant(),
                config.os(), size, config.rootFs().type(), config.rootFs().diffIds(),
                new String(image.configBytes(), StandardCharsets.UTF_8));
    }

    /** Docker's API falls back to the newest history entry's comment when the image has none of its own. */
    private static String comment(JsonNode tree) {
        String comment = text(tree, "comment");
        JsonNode history = tree.path("history");
        if (comment.isEmpty() && history.isArray() && !history.isEmpty()) {
            return text(history.get(history.size() - 1), "comment");
        }
        return comment;
    }

    private static String text(JsonNode tree, String member) {
        JsonNode node = tree.get(member);
        return node != null && node.isTextual() ? node.asText() : "";
    }
}
