/**
 * The first stage of the Dockerfile frontend: text to an immutable syntax tree, with no meaning.
 *
 * <p>Takes a {@link dev.berth.diagnostic.SourceFile}; gives a {@link dev.berth.dockerfile.syntax.SyntaxTree}
 * of {@link dev.berth.dockerfile.syntax.Directive}s, {@link dev.berth.dockerfile.syntax.Node}s (keyword,
 * flags, arguments split per keyword, here-documents, ONBUILD's child, positions) and warnings, or an
 * {@link dev.berth.error.InvalidInputException} with the line and column of the first syntax error.
 * {@link dev.berth.dockerfile.syntax.DockerfileParser} follows BuildKit's parser rule for rule, quirks
 * included; {@link dev.berth.dockerfile.syntax.SyntaxTreeDumper} prints BuildKit's s-expression test format
 * and {@link dev.berth.dockerfile.syntax.SyntaxTreeJsonDumper} a JSON form. Typed instructions are built on
 * this tree by {@code dev.berth.dockerfile.instruction}.
 */
package dev.berth.dockerfile.syntax;
