/**
 * {@code berth dockerfile check}: the whole Dockerfile frontend run for its diagnostics.
 *
 * <p>Takes a {@link dev.berth.diagnostic.SourceFile}, build args and an optional target; gives a
 * {@link dev.berth.dockerfile.check.CheckResult} with every error and warning, the Dockerfile with
 * variables expanded and the build args each instruction sees ({@link dev.berth.dockerfile.check.ScopedArgs}).
 * Owns ARG scoping, the only one (global ARGs for FROM only, stage ARGs after declaration, ENV over ARG,
 * Docker's predefined ARGs, proxy build args without declaration), stage references ({@code --from}) and BuildKit's cheap checks
 * ({@link dev.berth.dockerfile.check.Rule}), filtered by the {@code # check=} directive. Built on
 * {@code dockerfile.syntax}, {@code dockerfile.instruction} and {@code dockerfile.shell}; the planner
 * builds on its resolution.
 */
package dev.berth.dockerfile.check;
