/**
 * The {@code berth} command line: one class per command, plus the renderers for errors, tables and JSON.
 *
 * <p>Commands parse arguments, call berth-core, and print; they hold no build, store or runtime logic.
 * {@link dev.berth.cli.Main} wires the command tree and maps every
 * {@link dev.berth.error.BerthException} to its exit code and a message on standard error; it gives
 * picocli only the subcommand asked for, because modelling all of them costs more than a cached build.
 * Start-up support: {@code TimingTrace} ({@code BERTH_TRACE_TIMING}) and {@code AotTraining}, the
 * workload the launcher records its AOT cache from (docs/startup.md).
 */
package dev.berth.cli;
