/**
 * The façade clients use: {@link dev.berth.api.Builder} takes a {@link dev.berth.api.BuildRequest} and
 * gives a {@link dev.berth.api.BuildResult}, wiring the planner, the engine, the cache and the store.
 */
package dev.berth.api;
