package dev.berth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.berth.api.Berth;
import dev.berth.api.ImageDetails;
import dev.berth.error.NotFoundException;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * {@code berth inspect CONTAINER|IMAGE...}: the JSON array {@code docker inspect} prints, or {@code --format}. As
 * Docker, a name that is both a container and an image is the container ({@link ContainerDocument}); {@code --type}
 * looks among one kind only.
 */
@Command(name = "inspect", description = "Display detailed information on one or more images or containers.",
        mixinStandardHelpOptions = true)
class InspectCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Format the output using a Go-like template.")
    String format;

    @Option(names = "--type", paramLabel = "TYPE", description = "Return JSON for the specified type (container or image).")
    String type;

    @Parameters(arity = "1..*", paramLabel = "IMAGE|CONTAINER")
    List<String> images;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ObjectNode> documents = new ArrayList<>();
        List<Boolean> isImage = new ArrayList<>();
        try (Berth store = berth.open()) {
            String kind = kind();
            for (String image : images) {
                switch (kind) {
                    case "image" -> {
                        documents.add(InspectDocument.forImage(store.inspect(image)));
                        isImage.add(true);
                    }
                    case "container" -> {
                        documents.add(ContainerDocument.forContainer(store.containers().inspect(image)));
                        isImage.add(false);
                    }
                    default -> {
                        // As docker inspect: the container by that name or ID first, else the image, else its error.
                        try {
                            documents.add(ContainerDocument.forContainer(store.containers().inspect(image)));
                            isImage.add(false);
                        } catch (NotFoundException notAContainer) {
                            documents.add(InspectDocument.forImage(store.inspect(image)));
                            isImage.add(true);
                        }
                    }
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format != null) {
            GoTemplate template = GoTemplate.parse(format);
            // Docker's CLI executes the template over its typed ImageInspect, hence the types for images.
            for (int i = 0; i < documents.size(); i++) {
                out.println(isImage.get(i) ? template.render(documents.get(i), InspectDocument.IMAGE_INSPECT)
                        : template.render(documents.get(i)));
            }
        } else {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            documents.forEach(array::add);
            out.println(GoJson.indent(array));
        }
        out.flush();
        return 0;
    }

    /** {@code container}, {@code image}, or {@code ""} for either; subcommands fix it. */
    String kind() {
        if (type == null || type.isEmpty()) {
            return "";
        }
        if (!type.equals("container") && !type.equals("image")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "\"" + type + "\" is not a valid value for --type");
        }
        return type;
    }

    void print(List<ImageDetails> details, PrintWriter out) {
        if (format != null) {
            GoTemplate template = GoTemplate.parse(format);
            // Docker's CLI executes the template over its typed ImageInspect, hence the types.
            details.forEach(image -> out.println(template.render(InspectDocument.forImage(image),
                    InspectDocument.IMAGE_INSPECT)));
        } else {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            details.forEach(image -> array.add(InspectDocument.forImage(image)));
            out.println(GoJson.indent(array));
        }
        out.flush();
    }
}
