package dev.berth.dockerfile.ignore;

import java.util.regex.Pattern;

/**
 * How one compiled pattern tests a path. Docker's patternmatcher picks the cheapest of four forms,
 * and the forms are not all equivalent to the regular expression (a leading {@code **} followed by
 * literal text is a plain suffix test, so {@code **foo} matches {@code afoo}); Berth keeps the same
 * four so it decides the same way.
 */
sealed interface PathTest {

    boolean test(String path);

    /** A pattern without wildcards: the path itself. */
    record Exact(String text) implements PathTest {
        @Override
        public boolean test(String path) {
            return path.equals(text);
        }
    }

    /** Literal text followed by a final {@code **}. */
    record Prefix(String prefix) implements PathTest {
        @Override
        public boolean test(String path) {
            return path.startsWith(prefix);
        }
    }

    /** A leading {@code **} followed by literal text; {@code **}{@code /foo} also matches {@code foo}. */
    record Suffix(String suffix) implements PathTest {
        @Override
        public boolean test(String path) {
            return path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
        }
    }

    /** Anything else: an anchored regular expression. */
    record Expression(Pattern regex) implements PathTest {
        @Override
        public boolean test(String path) {
            return regex.matcher(path).find();
        }
    }
}
