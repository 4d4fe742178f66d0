package dev.berth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.berth.api.Berth;
import dev.berth.api.ImageDetails;
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
