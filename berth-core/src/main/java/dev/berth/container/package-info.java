/**
 * Containers from stored images, in the foreground and detached.
 *
 * <p>In the foreground ({@code berth run}): {@link dev.berth.container.ContainerRunner} takes a {@link
 * dev.berth.container.ContainerSpec} and an image's config and layers, resolves the command, environment, user and
 * working directory as Docker does ({@link dev.berth.container.ContainerCommand}), and runs the process in a {@link
 * dev.berth.sandbox.Sandbox}, giving its exit code; the container and its writable layer are removed when it exits.
 *
 * <p>Detached ({@code berth run -d}, {@code ps}, {@code logs}, {@code stop}, {@code kill}, {@code rm}, {@code wait},
 * {@code start}): {@link dev.berth.container.DetachedContainers} is the entry point. Each container gets a {@link
 * dev.berth.container.Conmon} (Podman's monitor) that keeps its stdio in a k8s-file log, writes its exit code to an
 * exit file and runs an exit command (for {@code --rm}: {@link dev.berth.container.ContainerCleanup}), so no Berth
 * process stays. What a container is lives in its {@link dev.berth.container.ContainerRecord} under the store's
 * {@code containers/ID/} ({@link dev.berth.container.ContainerDirectory}, {@link
 * dev.berth.container.ContainerRecords}: Docker's names, lookups and error texts); where it is in its life ({@link
 * dev.berth.container.ContainerPhase}) is read from the runtime and the exit file on each call, so any process sees
 * the same. Logs are read by {@link dev.berth.container.ContainerLogReader} (partial lines joined, rotation followed).
 */
package dev.berth.container;
