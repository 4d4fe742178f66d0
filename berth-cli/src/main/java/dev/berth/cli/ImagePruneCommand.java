package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.PruneReport;
import dev.berth.api.RemovedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth image prune}: removes dangling images, or with {@code -a} every image no container uses. */
@Command(name = "prune", description = "Remove unused images.", mixinStandardHelpOptions = true)
final class ImagePruneCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-a", "--all"}, description = "Remove all unused images, not just dangling ones.")
    boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!force && !confirmed(out)) {
            return 0;
        }
        PruneReport report;
        try (Berth store = berth.open()) {
            report = store.pruneImages(all);
        }
        print(report, out);
        return 0;
    }

    private boolean confirmed(PrintWriter out) throws IOException {
        out.print(all ? "WARNING! This will remove all images without at least one container associated to them.\n"
                : "WARNING! This will remove all dangling images.\n");
        out.print("Are you sure you want to continue? [y/N] ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().equalsIgnoreCase("y");
    }

    /** Docker's prune report: the removed names and images, then the space freed. */
    static void print(PruneReport report, PrintWriter out) {
        if (!report.removed().isEmpty()) {
            out.println("Deleted Images:");
            for (RemovedImage image : report.removed()) {
                image.untagged().forEach(name -> out.println("untagged: " + name));
                image.deleted().forEach(id -> out.println("deleted: " + id));
            }
            out.println();
        }
        out.println("Total reclaimed space: " + ByteSize.format(report.reclaimedBytes()));
        out.flush();
    }
}
