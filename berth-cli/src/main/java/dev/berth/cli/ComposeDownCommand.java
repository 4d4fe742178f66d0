package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.Settings;
import dev.berth.api.compose.DownOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth compose down}: the project's containers and networks removed; {@code -v} volumes, {@code --rmi} images. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop and remove containers, networks.")
final class ComposeDownCommand implements Callable<Integer> {

    @ParentCommand
    ComposeCommand compose;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--volumes"}, description = "Remove named volumes declared in the volumes section.")
    boolean volumes;

    @Option(names = "--rmi", paramLabel = "TYPE", description = "Remove images used by services: local or all.")
    String rmi;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file.")
    boolean removeOrphans;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Shutdown timeout in seconds.")
    Integer timeout;

    @Override
    public Integer call() {
        Settings settings = compose.settings();
        try (Berth berth = Berth.open(settings)) {
            compose.project(berth, settings, spec.commandLine().getErr()).down(new DownOptions(volumes,
                    Optional.ofNullable(rmi), removeOrphans, Optional.ofNullable(timeout).map(Duration::ofSeconds)),
                    new ComposeProgressLines(spec.commandLine().getErr()));
        }
        return 0;
    }
}
