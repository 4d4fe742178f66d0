/**
 * A RUN step's {@code --mount}s resolved to {@link dev.berth.sandbox.HostMount}s: context, stage and image bind
 * sources (resolved inside their own root), the persistent {@link dev.berth.engine.mount.CacheMounts} directories
 * and their {@code sharing=} locks ({@link dev.berth.engine.mount.CacheLock}, which {@code builder prune} in another
 * process respects), tmpfs, and {@link dev.berth.engine.mount.BuildSecret} files, released when the step ends.
 */
package dev.berth.engine.mount;
