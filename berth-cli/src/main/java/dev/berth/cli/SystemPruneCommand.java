package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.SystemPruneReport;
import dev.berth.image.Digest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth system prune [--all]}: garbage collection of the store. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Remove stopped containers, then dangling images and the blobs only they use; with --all, every "
                + "blob nothing uses.",
                "First removes what killed builds and containers left: runtime containers, mounts, snapshots, "
                        + "bundles and work directories whose owning process is gone."})
final class SystemPruneCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = {"-a", "--all"}, description = "Also remove blobs no tag, container or build cache reaches.")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SystemPruneReport report;
        try (Berth berth = Berth.open(store.settings(System.getenv()).build())) {
            SweepReportText.print(berth.sweepLeftovers(), spec.commandLine().getOut(), spec.commandLine().getErr());
            report = berth.pruneSystem(all);
        }
        print(report, spec.commandLine().getOut());
        return 0;
    }

    static void print(SystemPruneReport report, PrintWriter out) {
        // Docker's section, first as in `docker system prune`.
        if (!report.deletedContainers().isEmpty()) {
            out.println("Deleted Containers:");
            report.deletedContainers().forEach(out::println);
            out.println();
        }
        for (Digest image : report.droppedImages()) {
            out.println("untagged: " + image);
        }
        for (Digest blob : report.deletedBlobs()) {
            out.println("deleted: " + blob);
        }
        out.println("Total reclaimed space: " + ByteSize.format(report.reclaimedBytes()));
        out.flush();
    }
}
