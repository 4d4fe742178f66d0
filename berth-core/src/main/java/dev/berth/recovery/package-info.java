/**
 * Crash recovery for what lives outside the content store: owner records and the sweep.
 *
 * <p>Owns {@link dev.berth.recovery.OwnerRecord} (a {@code NAME.owner} file beside each container bundle and
 * build work directory, naming the owning process by pid, start time and boot, and the runtime and snapshotter
 * that hold its container and active snapshot) and {@link dev.berth.recovery.LeftoverSweeper}, which undoes
 * the leftovers of owners that are gone. Takes a {@link dev.berth.store.LocalStore}; gives a
 * {@link dev.berth.recovery.SweepReport}. The content store's own temporary files are swept by
 * {@link dev.berth.store.LocalStore#open}.
 */
package dev.berth.recovery;
