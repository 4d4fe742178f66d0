/**
 * Positions in user input and the messages about them.
 *
 * <p>Owns {@link dev.berth.diagnostic.SourceFile} (a named text with line lookup),
 * {@link dev.berth.diagnostic.SourceRange} (1-based line and column span),
 * {@link dev.berth.diagnostic.Diagnostic} (severity, range, message, optional hint) and
 * {@link dev.berth.diagnostic.DiagnosticRenderer}, which prints {@code FILE:LINE: message}
 * followed by the line and a caret. Every parser in Berth reports through these types, so
 * positions are attached once, where the error is found, and printed the same way everywhere.
 */
package dev.berth.diagnostic;
