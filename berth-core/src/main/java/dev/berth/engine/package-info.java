/**
 * Runs a build graph: schedules the stages on virtual threads, looks each step up in the build cache, hands it
 * to its executor, and assembles the final image. What it reads of a Dockerfile is the plan
 * ({@link dev.berth.plan.Step}s), never the Dockerfile packages; executors take resolved values (layers, a process,
 * mounts) and give layers back. {@link dev.berth.engine.ConfigApplier} applies config changes for builds and for
 * {@code import --change}; {@link dev.berth.engine.StoredBaseImages} gives the planner the base images' configs.
 *
 * <p>One sub-package per concern: {@link dev.berth.engine.copy} (COPY/ADD, URL fetches, ownership, placement in a
 * stage), {@link dev.berth.engine.mount} (RUN {@code --mount}s: cache, bind, secret, tmpfs, and the cache locks),
 * {@link dev.berth.engine.rootfs} (reading a stage's layered file system: attributes, files, extractions and
 * read-only views). {@link dev.berth.engine.RunStepExecutor} is the boundary between the engine and the
 * {@link dev.berth.sandbox} that runs a RUN step's process; {@link dev.berth.engine.ContainerRunStepExecutor}
 * implements it over a {@link dev.berth.snapshot.Snapshotter} and an {@link dev.berth.runtime.OciRuntime}.
 */
package dev.berth.engine;
