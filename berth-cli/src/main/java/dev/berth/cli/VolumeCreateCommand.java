package dev.berth.cli;

import dev.berth.api.Berth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth volume create [--label K=V] [NAME]}: prints the volume's name (an existing one's, as Docker). */
@Command(name = "create", description = "Create a volume.", mixinStandardHelpOptions = true)
final class VolumeCreateCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-l", "--label"}, paramLabel = "KEY[=VALUE]", description = "Set a label on the volume.")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-d", "--driver"}, paramLabel = "DRIVER", defaultValue = "local",
            description = "The volume driver: only ${DEFAULT-VALUE}.")
    String driver;

    @Option(names = "--name", paramLabel = "NAME", description = "The volume's name (as the argument).")
    String nameOption;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The volume's name (default: 64 random hex digits).")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!driver.equals("local")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "error looking up volume plugin " + driver + ": plugin \"" + driver + "\" not found");
        }
        if (name != null && nameOption != null && !name.equals(nameOption)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "conflicting options: either specify --name or provide positional arg, not both");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String label : labels) {
            int equals = label.indexOf('=');
            pairs.put(equals < 0 ? label : label.substring(0, equals), equals < 0 ? "" : label.substring(equals + 1));
        }
        try (Berth store = berth.open()) {
            spec.commandLine().getOut().println(store.volumes()
                    .create(Optional.ofNullable(name != null ? name : nameOption), pairs).name());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
