/**
 * Docker's variable substitution in Dockerfile words ("environment replacement").
 *
 * <p>Owns {@link dev.berth.dockerfile.shell.WordExpander}, which takes a word or a line, an
 * environment ({@code ARG} and {@code ENV} values in scope) and the Dockerfile's escape character,
 * and gives an {@link dev.berth.dockerfile.shell.Expansion} (one string) or a
 * {@link dev.berth.dockerfile.shell.WordsExpansion} (the line split into words), each with the names
 * it found set and unset; or an {@link dev.berth.dockerfile.shell.ExpansionException} with BuildKit's
 * message and the offset to point a diagnostic at. Behaviour follows BuildKit's {@code shell.Lex}
 * quirk for quirk, because Dockerfiles written for Docker depend on it. No positions beyond the
 * word, no file names: the instruction layer adds those.
 */
package dev.berth.dockerfile.shell;
