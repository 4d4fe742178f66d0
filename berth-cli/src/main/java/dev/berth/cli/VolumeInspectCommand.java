package dev.berth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.berth.api.Berth;
import dev.berth.api.VolumeSummary;
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

/** {@code berth volume inspect [-f F] VOLUME...}: Docker's JSON array of volumes. */
@Command(name = "inspect", description = "Display detailed information on one or more volumes.",
        mixinStandardHelpOptions = true)
final class VolumeInspectCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Format the output using a Go-like template.")
    String format;

    @Parameters(arity = "1..*", paramLabel = "VOLUME")
    List<String> names;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<VolumeSummary> volumes = new ArrayList<>();
        try (Berth store = berth.open()) {
            for (String name : names) {
                volumes.add(store.volumes().inspect(name));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format != null) {
            GoTemplate template = GoTemplate.parse(format);
            volumes.forEach(volume -> out.println(template.render(VolumeDocument.inspect(volume))));
        } else {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            volumes.forEach(volume -> array.add(VolumeDocument.inspect(volume)));
            out.println(GoJson.indent(array));
        }
        out.flush();
        return 0;
    }
}
