/**
 * The failures Berth reports, as one sealed hierarchy rooted at {@link dev.berth.error.BerthException}.
 *
 * <p>Each kind names the action and the object in its message and maps to one process exit code, so
 * the CLI never has to guess. {@link dev.berth.error.InvalidInputException} carries the
 * {@link dev.berth.diagnostic.Diagnostic}s of bad user input (a broken Dockerfile, a bad flag value);
 * the other kinds are operational (a missing image, a store or registry failure).
 * This package depends on nothing but {@code dev.berth.diagnostic}.
 */
package dev.berth.error;
