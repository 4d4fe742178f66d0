/**
 * Faithful reproductions of the Go standard-library functions whose behaviour Docker's output and parsing
 * depend on; each names the Go function it mirrors. Java's near equivalents differ in the details Docker's
 * bytes depend on ({@code Character.isWhitespace} is not {@code unicode.IsSpace}, {@code String.strip} is not
 * {@code strings.TrimSpace}), so every Go rule Berth reproduces lives here once.
 *
 * <p>The classes are named for the Go packages they mirror: {@link dev.berth.golang.GoStrings}
 * ({@code strings}, {@code unicode}, {@code unicode/utf8}), {@link dev.berth.golang.GoStrconv},
 * {@link dev.berth.golang.GoPaths} ({@code path}, {@code path/filepath}), {@link dev.berth.golang.GoJsonText}
 * ({@code encoding/json}) and {@link dev.berth.golang.GoTime}. The package depends on nothing else in Berth and
 * is not exported: the CLI reaches the JSON rules through {@link dev.berth.image.GoJsonString}.
 */
package dev.berth.golang;
