package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ContainerStats;
import dev.berth.error.BerthException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth stats [-a] [--no-stream] [--no-trunc] [CONTAINER...]}: Docker's table of CPU, memory, network, block
 * I/O and pids; without {@code --no-stream} it is drawn again every second (the screen cleared, as Docker's) until
 * ctrl-c.
 */
@Command(name = "stats", description = "Display a live stream of container(s) resource usage statistics.",
        mixinStandardHelpOptions = true)
class StatsCommand implements Callable<Integer> {

    /** Docker's daemon reads a container's counters a second apart. */
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    @Mixin
    BerthOptions berth;

    @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running).")
    boolean all;

    @Option(names = "--no-stream", description = "Disable streaming stats and only pull the first result.")
    boolean noStream;

    @Option(names = "--no-trunc", description = "Do not truncate output.")
    boolean noTrunc;

    @Parameters(paramLabel = "CONTAINER", arity = "0..*")
    List<String> containers = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Berth store = berth.open()) {
            do {
                String table = render(store.containers().stats(containers, all, INTERVAL), noTrunc);
                // Docker's stream: the screen cleared and the table drawn at its top.
                out.print(noStream ? table : "\033[2J\033[H" + table);
                out.flush();
            } while (!noStream);
            return 0;
        } catch (BerthException e) {
            return new ErrorReporter().handleExecutionException(e, spec.commandLine(), null);
        }
    }

    /** Docker's default {@code stats} table. */
    static String render(List<ContainerStats> rows, boolean noTrunc) {
        StringBuilder text = new StringBuilder(
                "CONTAINER ID\tNAME\tCPU %\tMEM USAGE / LIMIT\tMEM %\tNET I/O\tBLOCK I/O\tPIDS\n");
        for (ContainerStats row : rows) {
            text.append(noTrunc ? row.id() : row.id().substring(0, 12)).append('\t')
                    .append(row.name()).append('\t')
                    .append(String.format(Locale.ROOT, "%.2f%%", row.cpuPercent())).append('\t')
                    .append(ByteSize.binary(row.memoryUsage())).append(" / ").append(ByteSize.binary(row.memoryLimit()))
                    .append('\t')
                    .append(String.format(Locale.ROOT, "%.2f%%", row.memoryPercent())).append('\t')
                    .append(ByteSize.format(row.netReceived(), 3)).append(" / ").append(ByteSize.format(row.netSent(), 3))
                    .append('\t')
                    .append(ByteSize.format(row.blockRead(), 3)).append(" / ")
                    .append(ByteSize.format(row.blockWritten(), 3)).append('\t')
                    .append(row.pids()).append('\n');
        }
        return TabWriter.align(text.toString());
    }
}
