/**
 * Runs a build graph: one executor per step kind, the build cache, and the assembly of the final image.
 *
 * <p>Executors never see Dockerfile text: they take resolved values (layers, a process, mounts) and give
 * layers back. {@link dev.berth.engine.RunStepExecutor} is the boundary between the engine and the
 * machinery that runs a RUN step in a container (snapshots and the OCI runtime);
 * {@link dev.berth.engine.ContainerRunStepExecutor} implements it with a {@link dev.berth.snapshot.Snapshotter}
 * and an {@link dev.berth.runtime.OciRuntime}. A RUN step's {@code --mount}s reach it as {@link dev.berth.engine.HostMount}s:
 * {@code MountResolver} binds context, stage and image sources (resolved inside their own root), the persistent
 * {@link dev.berth.engine.CacheMounts} directories, tmpfs and {@link dev.berth.engine.BuildSecret} files, and
 * releases them when the step ends.
 * A COPY's files are read once: the step's thread reads and hashes them into the layer while the content
 * store's ingester hashes and writes the tar on threads of its own; see {@code docs/copy-throughput.md}.
 */
package dev.berth.engine;
