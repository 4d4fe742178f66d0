/**
 * The façade clients use (the CLI, later the Maven plugin). {@link dev.berth.api.Builder} takes a
 * {@link dev.berth.api.BuildRequest} and gives a {@link dev.berth.api.BuildResult}, wiring the planner, the
 * engine, the cache and the store. {@link dev.berth.api.Berth}, bound to one store root, lists, inspects,
 * names, removes, imports, saves and loads images and returns records ({@link dev.berth.api.ImageSummary},
 * {@link dev.berth.api.ImageDetails}, {@link dev.berth.api.HistoryRow}, {@link dev.berth.api.RemovedImage})
 * for the client to render, using the store, the image model and the archive formats
 * ({@code dev.berth.archive}). Nothing here prints.
 */
package dev.berth.api;
