package dev.berth.cli;

import static dev.berth.cli.GoStruct.Field.of;
import static dev.berth.cli.GoStruct.Field.omitEmpty;
import static dev.berth.cli.GoStruct.Field.struct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.ImageDetails;
import dev.berth.cli.GoStruct.Kind;
import dev.berth.error.StoreException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The object {@code docker image inspect} prints for an image, as Docker 20.10 (API 1.41) makes it: its
 * {@code types.ImageInspect}, whose {@code Config} and {@code ContainerConfig} are the image config's
 * {@code config} and {@code container_config} decoded into {@code container.Config} and marshalled again, so
 * every member Go has no {@code omitempty} for is there even when empty ({@code "User": ""},
 * {@code "Entrypoint": null}).
 *
 * <p>Members only a daemon knows are filled as a daemon with no record of them would: {@code Parent} is
 * {@code ""} (Docker's is the image a local build started from, which archives do not carry),
 * {@code GraphDriver} has no name and no data (Berth stores layers in no graph driver), and
 * {@code Metadata.LastTagTime} is Go's zero time (Docker's is when the daemon last tagged the image; after
 * {@code docker load} it is zero too).
 */
final class InspectDocument {

    /** Docker 20.10's {@code container.Config}, field for field. */
    static final GoStruct CONTAINER_CONFIG = GoStruct.of(
            of("Hostname", Kind.STRING), of("Domainname", Kind.STRING), of("User", Kind.STRING),
            of("AttachStdin", Kind.BOOL), of("AttachStdout", Kind.BOOL), of("AttachStderr", Kind.BOOL),
            omitEmpty("ExposedPorts", Kind.SET), of("Tty", Kind.BOOL), of("OpenStdin", Kind.BOOL),
            of("StdinOnce", Kind.BOOL), of("Env", Kind.STRINGS), of("Cmd", Kind.STR_SLICE),
            // 20.10's HealthConfig predates StartInterval, so the daemon drops it.
            struct("Healthcheck", Kind.STRUCT_POINTER, true, GoStruct.of(omitEmpty("Test", Kind.STRINGS),
                    omitEmpty("Interval", Kind.INT), omitEmpty("Timeout", Kind.INT),
                    omitEmpty("StartPeriod", Kind.INT), omitEmpty("Retries", Kind.INT))),
            omitEmpty("ArgsEscaped", Kind.BOOL), of("Image", Kind.STRING), of("Volumes", Kind.SET),
            of("WorkingDir", Kind.STRING), of("Entrypoint", Kind.STR_SLICE),
            omitEmpty("NetworkDisabled", Kind.BOOL), omitEmpty("MacAddress", Kind.STRING),
            of("OnBuild", Kind.STRINGS), of("Labels", Kind.STRING_MAP), omitEmpty("StopSignal", Kind.STRING),
            omitEmpty("StopTimeout", Kind.INT_POINTER), omitEmpty("Shell", Kind.STR_SLICE));

    /** Docker 20.10's {@code types.ImageInspect}: the document's members in order, and its types for templates. */
    static final GoStruct IMAGE_INSPECT = GoStruct.of(
            of("Id", Kind.STRING), of("RepoTags", Kind.STRINGS), of("RepoDigests", Kind.STRINGS),
            of("Parent", Kind.STRING), of("Comment", Kind.STRING), of("Created", Kind.STRING),
            of("Container", Kind.STRING), struct("ContainerConfig", Kind.STRUCT_POINTER, false, CONTAINER_CONFIG),
            of("DockerVersion", Kind.STRING), of("Author", Kind.STRING),
            struct("Config", Kind.STRUCT_POINTER, false, CONTAINER_CONFIG),
            of("Architecture", Kind.STRING), omitEmpty("Variant", Kind.STRING), of("Os", Kind.STRING),
            omitEmpty("OsVersion", Kind.STRING), of("Size", Kind.INT), of("VirtualSize", Kind.INT),
            struct("GraphDriver", Kind.STRUCT, false, GoStruct.of(of("Data", Kind.STRING_MAP), of("Name", Kind.STRING))),
            struct("RootFS", Kind.STRUCT, false, GoStruct.of(of("Type", Kind.STRING),
                    omitEmpty("Layers", Kind.STRINGS), omitEmpty("BaseLayer", Kind.STRING))),
            struct("Metadata", Kind.STRUCT, false, GoStruct.of(of("LastTagTime", Kind.TIME))));

    /** Go's zero {@code time.Time}, which the daemon shows for a time it does not have. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InspectDocument() {
    }

    /** The inspect object for {@code image}. */
    static ObjectNode forImage(ImageDetails image) {
        JsonNode config = blob(image);
        ObjectNode fields = NODES.objectNode();
        fields.put("Id", image.id().toString());
        ArrayNode tags = fields.putArray("RepoTags");
        image.repoTags().forEach(tags::add);
        ArrayNode digests = fields.putArray("RepoDigests");
        image.repoDigests().forEach(digests::add);
        fields.put("Comment", image.comment());
        fields.put("Created", created(member(config, "created")));
        fields.set("Container", member(config, "container"));
        // ContainerConfig is a struct value in Docker's image, so an image without one shows an empty config.
        JsonNode containerConfig = member(config, "container_config");
        fields.set("ContainerConfig", containerConfig.isObject() ? containerConfig : NODES.objectNode());
        fields.set("DockerVersion", member(config, "docker_version"));
        fields.set("Author", member(config, "author"));
        fields.set("Config", member(config, "config"));
        fields.set("Architecture", member(config, "architecture"));
        fields.set("Variant", member(config, "variant"));
        // The daemon reports its own OS for an image that names none.
        String os = member(config, "os").asText("");
        fields.put("Os", os.isEmpty() ? "linux" : os);
        fields.set("OsVersion", member(config, "os.version"));
        fields.put("Size", image.size());
        fields.put("VirtualSize", image.size());
        ObjectNode rootFs = fields.putObject("RootFS");
        rootFs.put("Type", image.rootFsType());
        ArrayNode layers = rootFs.putArray("Layers");
        image.diffIds().forEach(diffId -> layers.add(diffId.toString()));
        fields.putObject("Metadata").put("LastTagTime", ZERO_TIME);
        return IMAGE_INSPECT.remarshal(fields);
    }

    private static JsonNode blob(ImageDetails image) {
        try {
            return new ObjectMapper().readTree(image.configJson());
        } catch (JsonProcessingException e) {
            throw new StoreException("reading the config of " + image.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The config's member {@code name} as Go finds it: case-insensitively, the last duplicate winning. */
    private static JsonNode member(JsonNode config, String name) {
        JsonNode found = NullNode.getInstance();
        for (Map.Entry<String, JsonNode> member : config.properties()) {
            if (member.getKey().equalsIgnoreCase(name)) {
                found = member.getValue();
            }
        }
        return found;
    }

    /** The daemon decodes {@code created} into a {@code time.Time}, which keeps the offset the text had. */
    private static String created(JsonNode created) {
        if (!created.isTextual()) {
            return ZERO_TIME;
        }
        try {
            return GoJson.time(OffsetDateTime.parse(created.asText()));
        } catch (DateTimeParseException e) {
            return ZERO_TIME;
        }
    }
}
