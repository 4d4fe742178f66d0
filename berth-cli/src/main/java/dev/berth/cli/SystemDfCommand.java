package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.StoreUsage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code berth system df}: space the store takes, by category. */
@Command(name = "df", description = "Show the space the store takes.", mixinStandardHelpOptions = true)
final class SystemDfCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StoreUsage usage;
        try (Berth berth = Berth.open(store.settings(System.getenv()).build())) {
            usage = berth.diskUsage();
        }
        print(usage, spec.commandLine().getOut());
        return 0;
    }

    static void print(StoreUsage usage, PrintWriter out) {
        row(out, "TYPE", "TOTAL", "SIZE", "RECLAIMABLE");
        long percent = usage.blobBytes() == 0 ? 0 : Math.round(100.0 * usage.reclaimableBytes() / usage.blobBytes());
        row(out, "Blobs", Long.toString(usage.blobCount()), ByteSize.format(usage.blobBytes()),
                ByteSize.format(usage.reclaimableBytes()) + " (" + percent + "%)");
        row(out, "Unfinished", "", ByteSize.format(usage.ingestBytes()), "");
        row(out, "Containers", "", ByteSize.format(usage.containerBytes()), "");
        row(out, "Build cache", "", ByteSize.format(usage.cacheBytes()), "");
        row(out, "Snapshots", "", ByteSize.format(usage.snapshotBytes()), "");
        out.flush();
    }

    private static void row(PrintWriter out, String type, String total, String size, String reclaimable) {
        out.println("%-12s %-8s %-10s %s".formatted(type, total, size, reclaimable).stripTrailing());
    }
}
