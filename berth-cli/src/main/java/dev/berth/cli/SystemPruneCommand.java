package dev.berth.cli;

import dev.berth.recovery.LeftoverSweeper;
import dev.berth.store.BlobInfo;
import dev.berth.store.CollectionReport;
import dev.berth.store.GarbageCollector;
import dev.berth.store.IndexEntry;
import dev.berth.engine.BuildCache;
import dev.berth.store.LocalStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth system prune [--all]}: garbage collection of the store. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Remove dangling images and the blobs only they use; with --all, every blob nothing uses.",
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
        CollectionReport report;
        try (LocalStore local = LocalStore.open(store.layout(System.getenv()))) {
            SweepReportText.print(new LeftoverSweeper(local).sweep(), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
            report = local.collector().collect(all ? GarbageCollector.Mode.ALL_UNUSED : GarbageCollector.Mode.DANGLING,
                    () -> new BuildCache(local.paths().cache(), local.content()).roots());
        }
        print(report, spec.commandLine().getOut());
        return 0;
    }

    static void print(CollectionReport report, PrintWriter out) {
        for (IndexEntry image : report.droppedImages()) {
            out.println("untagged: " + image.descriptor().digest());
        }
        for (BlobInfo blob : report.removedBlobs()) {
            out.println("deleted: " + blob.digest());
        }
        out.println("Total reclaimed space: " + ByteSize.format(report.freedBytes()));
        out.flush();
    }
}
