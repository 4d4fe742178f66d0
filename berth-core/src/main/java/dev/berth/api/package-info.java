/**
 * Berth's entry point for clients (the CLI, later the Maven plugin): {@link dev.berth.api.Berth}, bound to
 * one store root, lists, inspects, names, removes, imports, saves and loads images and returns records
 * ({@link dev.berth.api.ImageSummary}, {@link dev.berth.api.ImageDetails}, {@link dev.berth.api.HistoryRow},
 * {@link dev.berth.api.RemovedImage}) for the client to render. Takes the store ({@code dev.berth.store}),
 * the image model ({@code dev.berth.image}) and the archive formats ({@code dev.berth.archive}); prints nothing.
 */
package dev.berth.api;
