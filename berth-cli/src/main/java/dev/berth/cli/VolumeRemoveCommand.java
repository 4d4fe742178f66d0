package dev.berth.cli;

import dev.berth.api.Berth;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth volume rm [-f] VOLUME...}: prints each as given; one in use is refused and the rest still done. */
@Command(name = "rm", aliases = "remove", description = "Remove one or more volumes.", mixinStandardHelpOptions = true)
final class VolumeRemoveCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-f", "--force"}, description = "No error for a volume that does not exist.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "VOLUME")
    List<String> volumes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            return ContainerBatch.each(volumes, spec, volume -> {
                store.volumes().remove(volume, force);
                return volume;
            });
        }
    }
}
