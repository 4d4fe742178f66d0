package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ContainerProcesses;
import dev.berth.error.BerthException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth top CONTAINER [ps OPTIONS]}: the container's processes as the host's {@code ps} shows them. */
@Command(name = "top", description = "Display the running processes of a container.", mixinStandardHelpOptions = true)
class TopCommand implements Callable<Integer> {

    /** Docker's {@code top} table: Go's tabwriter with minimum width 20, padding 3. */
    private static final int MIN_WIDTH = 20;

    @Mixin
    BerthOptions berth;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1..*", paramLabel = "ps OPTIONS", description = "Options for ps (default: -ef).")
    List<String> psOptions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            spec.commandLine().getOut().print(render(store.containers().top(container, psOptions)));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (BerthException e) {
            return new ErrorReporter().handleExecutionException(e, spec.commandLine(), null);
        }
    }

    static String render(ContainerProcesses table) {
        StringBuilder text = new StringBuilder(String.join("\t", table.titles())).append('\n');
        table.processes().forEach(row -> text.append(String.join("\t", row)).append('\n'));
        return TabWriter.align(text.toString(), MIN_WIDTH);
    }
}
