/**
 * Runs containers through an OCI runtime (runc or crun).
 *
 * <p>Owns: {@link dev.berth.runtime.RuntimeSpec} and its parts, the records modelling the runtime-spec
 * {@code config.json} Berth writes; {@link dev.berth.runtime.DockerDefaults}, the values Docker puts in every
 * container's spec (capabilities, mounts, masked paths, device rules); {@link dev.berth.runtime.RuntimeSpecWriter},
 * the canonical JSON of a spec; {@link dev.berth.runtime.OciRuntime}, the role of a runtime binary, with
 * {@link dev.berth.runtime.RuncRuntime} and {@link dev.berth.runtime.CrunRuntime}; and
 * {@link dev.berth.runtime.RuntimeDetector}, which finds which runtime actually works on this host.
 *
 * <p>Takes: a bundle directory (a root filesystem the caller prepared, e.g. from {@code snapshot}) and a spec.
 * Gives: exit codes and container states; failures of the runtime itself as
 * {@link dev.berth.error.ExecutionException}s quoting the runtime's own error.
 */
package dev.berth.runtime;
