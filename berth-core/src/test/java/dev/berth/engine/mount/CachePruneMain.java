package dev.berth.engine.mount;

import java.nio.file.Path;

/** {@code berth builder prune} of cache mounts in a process of its own, for {@link CacheLockTest}. */
public final class CachePruneMain {

    private CachePruneMain() {
    }

    /** Argument: the cache mounts directory; prints how many directories were removed. */
    public static void main(String[] args) {
        System.out.println(new CacheMounts(Path.of(args[0])).prune().directories());
    }
}
