package dev.berth.cli;

import dev.berth.engine.BuildCache;
import dev.berth.engine.mount.CacheMounts;
import dev.berth.store.LocalStore;
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
        int removed;
        CacheMounts.Pruned mounts;
        try (LocalStore local = LocalStore.open(store.layout(System.getenv()))) {
            BuildCache cache = new BuildCache(local.paths().cache(), local.content());
            removed = cache.prune();
            mounts = new CacheMounts(cache.mountsDirectory()).prune();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Deleted build cache entries: " + removed);
        out.println("Deleted cache mounts: " + mounts.directories());
        out.println("Total reclaimed space: " + ByteSize.format(mounts.bytes()));
        out.flush();
        return 0;
    }
}
