/**
 * The {@code berth} command line: one class per command, plus the renderers for errors, tables and JSON.
 *
 * <p>Commands parse arguments, call berth-core, and print; they hold no build, store or runtime logic.
 * {@link dev.berth.cli.Main} wires the command tree and maps every
 * {@link dev.berth.error.BerthException} to its exit code and a message on standard error.
 */
package dev.berth.cli;
