package dev.berth.dockerfile.ignore;

import dev.berth.diagnostic.SourceFile;
import dev.berth.golang.GoPaths;
import dev.berth.golang.GoStrings;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .dockerignore} text the way Docker's {@code ignorefile.ReadAll} does: lines split on
 * {@code \n} (a trailing {@code \r} dropped), a UTF-8 byte-order mark dropped from the first line,
 * lines starting with {@code #} skipped <em>before</em> trimming (so {@code " # x"} is a pattern),
 * white space trimmed, empty lines skipped, and each pattern (after a leading {@code !}, itself
 * trimmed) cleaned with {@code filepath.Clean} and stripped of one leading {@code /}.
 * Reading never fails; malformed patterns are reported when an {@link IgnoreMatcher} compiles them.
 */
public final class IgnoreFileReader {

    public IgnoreFile read(SourceFile source) {
        List<IgnorePattern> patterns = new ArrayList<>();
        String text = source.text();
        int lineNumber = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? text.length() : end + 1;
            String line = text.substring(start, end < 0 ? text.length() : end);
            start = next;
            lineNumber++;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String pattern = cleaned(line);
            if (pattern != null) {
                patterns.add(new IgnorePattern(pattern, lineNumber));
            }
        }
        return new IgnoreFile(source, patterns);
    }

    /** The pattern a line holds, or null for a comment or blank line. */
    private static String cleaned(String line) {
        if (line.startsWith("#")) {
            return null;
        }
        String pattern = GoStrings.trimSpace(line);
        if (pattern.isEmpty()) {
            return null;
        }
        boolean exception = pattern.charAt(0) == '!';
        if (exception) {
            pattern = GoStrings.trimSpace(pattern.substring(1));
        }
        if (!pattern.isEmpty()) {
            pattern = GoPaths.clean(pattern);
            if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                pattern = pattern.substring(1);
            }
        }
        return exception ? "!" + pattern : pattern;
    }
}
