package dev.berth.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Berth;
import dev.berth.api.ImageDetails;
import dev.berth.error.StoreException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth inspect IMAGE...}: the JSON array {@code docker image inspect} prints, or {@code --format}. */
@Command(name = "inspect", description = "Display detailed information on one or more images.",
        mixinStandardHelpOptions = true)
class InspectCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Format the output using a Go-like template.")
    String format;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> images;

    @Spec
    CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() {
        List<ImageDetails> details = new ArrayList<>();
        try (Berth store = berth.open()) {
            for (String image : images) {
                details.add(store.inspect(image));
            }
        }
        print(details, spec.commandLine().getOut());
        return 0;
    }

    void print(List<ImageDetails> details, PrintWriter out) {
        if (format != null) {
            GoTemplate template = GoTemplate.parse(format);
            details.forEach(image -> out.println(template.render(json(image))));
        } else {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            details.forEach(image -> array.add(json(image)));
            out.println(GoJson.indent(array));
        }
        out.flush();
    }

    /** Docker's {@code image inspect} object, member for member. */
    ObjectNode json(ImageDetails image) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("Id", image.id().toString());
        ArrayNode tags = node.putArray("RepoTags");
        image.repoTags().forEach(tags::add);
        ArrayNode digests = node.putArray("RepoDigests");
        image.repoDigests().forEach(digests::add);
        node.put("Parent", "");
        node.put("Comment", image.comment());
        node.put("Created", image.created().map(GoJson::time).orElse(""));
        node.put("DockerVersion", image.dockerVersion());
        node.put("Author", image.author());
        node.set("Config", config(image));
        node.put("Architecture", image.architecture());
        if (!image.variant().isEmpty()) {
            node.put("Variant", image.variant());
        }
        node.put("Os", image.os());
        node.put("Size", image.size());
        ObjectNode rootFs = node.putObject("RootFS");
        rootFs.put("Type", image.rootFsType());
        ArrayNode layers = rootFs.putArray("Layers");
        image.diffIds().forEach(diffId -> layers.add(diffId.toString()));
        node.putObject("Metadata").put("LastTagTime", "0001-01-01T00:00:00Z");
        return node;
    }

    private JsonNode config(ImageDetails image) {
        try {
            return mapper.readTree(image.containerConfigJson());
        } catch (JsonProcessingException e) {
            throw new StoreException("reading the config of " + image.id() + ": " + e.getOriginalMessage(), e);
        }
    }
}
