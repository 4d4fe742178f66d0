/**
 * How {@code berth build} shows progress: BuildKit's plain log ({@link dev.berth.cli.progress.PlainProgress}),
 * the live terminal view ({@link dev.berth.cli.progress.TtyProgress}) or nothing but the image ID.
 *
 * <p>Takes {@link dev.berth.event.BuildEvent}s, from several threads at once, and gives text on standard
 * error. The live view is split in two: {@link dev.berth.cli.progress.BuildView} is the pure model
 * (events with the time they arrived, rendered by {@link dev.berth.cli.progress.FrameLayout} into a
 * {@link dev.berth.cli.progress.Frame} for a given width and time, golden-tested), and
 * {@link dev.berth.cli.progress.TtyProgress} is the terminal writer (ANSI redraws from a virtual thread).
 * {@link dev.berth.cli.progress.ProgressMode} picks one from the flags, the environment and the terminal.
 */
package dev.berth.cli.progress;
