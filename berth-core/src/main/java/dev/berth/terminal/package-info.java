/**
 * The host terminal, through the C library calls the JDK lacks ({@link dev.berth.terminal.TerminalCalls}): whether a
 * descriptor is a terminal, its modes saved and restored ({@link dev.berth.terminal.TerminalModes}), raw mode, and
 * its window size ({@link dev.berth.terminal.WindowSize}). The container's own pseudo-terminal is made by the OCI
 * runtime (in the foreground) or by conmon (detached); this package only looks after Berth's side of it.
 */
package dev.berth.terminal;
