/**
 * One way to start a process in a root file system made of layers, shared by RUN steps and {@code berth run}:
 * a {@link dev.berth.sandbox.Sandbox} prepares a snapshot over the layers, writes the OCI bundle
 * ({@link dev.berth.sandbox.RunBundle}: the runtime spec, {@code /etc/hosts} and friends, the mounts, the network),
 * resolves the user inside the image ({@link dev.berth.sandbox.ImageUsers}, links resolved within the root by
 * {@link dev.berth.sandbox.RootfsPaths}), runs the process through an {@link dev.berth.runtime.OciRuntime}, and keeps
 * the tail of its output for error messages. It knows nothing of builds: the engine and {@code container} are its
 * clients.
 */
package dev.berth.sandbox;
