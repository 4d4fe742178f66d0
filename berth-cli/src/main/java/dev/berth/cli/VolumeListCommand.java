package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.VolumeSummary;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth volume ls [-q] [--format F]}: {@code DRIVER   VOLUME NAME}, by name. */
@Command(name = "ls", aliases = "list", description = "List volumes.", mixinStandardHelpOptions = true)
final class VolumeListCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-q", "--quiet"}, description = "Only display volume names.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "'table', 'json' or a Go-like template ({{.Name}}).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<VolumeSummary> volumes;
        try (Berth store = berth.open()) {
            volumes = store.volumes().list();
        }
        String chosen = quiet ? "{{.Name}}" : format;
        new Listing(VolumeDocument.LIST_FORMAT, VolumeDocument.TITLES)
                .print(volumes.stream().map(VolumeDocument::row).toList(), chosen, false, spec.commandLine().getOut());
        return 0;
    }
}
