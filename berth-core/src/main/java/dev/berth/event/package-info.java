/**
 * What a build reports while it runs: the sealed {@link dev.berth.event.BuildEvent}s and the
 * {@link dev.berth.event.ProgressListener} that receives them. Core never prints; the CLI renders these.
 */
package dev.berth.event;
