/**
 * Runs containers from stored images in the foreground ({@code berth run}): takes a {@link
 * dev.berth.container.ContainerSpec} and an image's config and layers, resolves the command, environment, user and
 * working directory as Docker does, and runs the process in a {@link dev.berth.sandbox.Sandbox}, giving its exit
 * code. The container and its writable layer are removed when it exits (there is no container state yet).
 */
package dev.berth.container;
