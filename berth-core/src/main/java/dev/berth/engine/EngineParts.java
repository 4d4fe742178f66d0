package dev.berth.engine;

import dev.berth.engine.mount.CacheMounts;
import dev.berth.image.ImageJson;
import dev.berth.store.ContentStore;
import dev.berth.store.StoreLock;
import java.util.function.Supplier;

/**
 * The long-lived collaborators of the engine, shared by every step of every build; {@code writeGuard} is the
 * store's (held while a step writes blobs and records them, so a garbage collection waits for it).
 */
public record EngineParts(ContentStore content, BuildCache cache, RunStepExecutor runs, BaseImageResolver resolver,
        ImageJson json, CacheMounts cacheMounts, Supplier<StoreLock.Held> writeGuard) {}
