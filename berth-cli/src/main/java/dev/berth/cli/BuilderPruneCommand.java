package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.CachePruneReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code berth builder prune}: empties the build cache and removes the {@code RUN --mount=type=cache} directories
 * no build is using; the cache's blobs go at the next {@code system prune --all}.
 */
@Command(name = "prune", mixinStandardHelpOptions = true, description = "Remove all build cache entries.")
final class BuilderPruneCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = {"-f", "--force"}, description = "Do not prompt (there is no prompt; accepted for Docker compatibility).")
    boolean force;

    @Option(names = {"-a", "--all"}, description = "Accepted for Docker compatibility: every entry is removed.")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CachePruneReport report;
        try (Berth berth = Berth.open(store.settings(System.getenv()).build())) {
            report = berth.pruneBuildCache();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Deleted build cache entries: " + report.entries());
        out.println("Deleted cache mounts: " + report.mountDirectories());
        out.println("Total reclaimed space: " + ByteSize.format(report.reclaimedBytes()));
        out.flush();
        return 0;
    }
}
