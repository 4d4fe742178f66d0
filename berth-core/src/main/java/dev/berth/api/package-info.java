/**
 * The façade clients use (the CLI, later compose and the Maven plugin): {@link dev.berth.api.Berth}, opened on one
 * store with {@link dev.berth.api.Settings}, builds ({@link dev.berth.api.BuildRequest} to
 * {@link dev.berth.api.BuildResult}), runs containers ({@link dev.berth.api.RunRequest}), lists, inspects, names,
 * removes, imports, saves, loads and prunes images, sweeps leftovers and measures the store; its static calls need
 * no store (host info, Dockerfile, ignore-file and context tools). Requests are records with builders; results and
 * reports are records; progress comes as {@link dev.berth.event.BuildEvent}s. The public types here use only this
 * package and the exported model ({@code image}, {@code diagnostic}, {@code error}, {@code event}); the
 * package-private classes ({@code Builder}, {@code HostRunSteps}, {@code ImageCatalog}, {@code StoreUpkeep} and
 * the others) wire the planner, the engine, the store, the sandbox and the archive formats behind them and
 * translate the API's types to theirs. Nothing here prints.
 */
package dev.berth.api;
